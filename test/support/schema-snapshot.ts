// `npm run schema:snapshot`: writes the schema after every migration to the committed snapshot.
import fs from 'node:fs';
import { currentSchema, SNAPSHOT_FILE } from './schema';

fs.writeFileSync(SNAPSHOT_FILE, currentSchema());
console.log(`schema snapshot written: ${SNAPSHOT_FILE}`);
