// The report on paper: the title, the period's note and every table of the report, plain and black on A4.
import { reportCell, type ReportTable } from '../../../../shared/rules/report-tables';

export function ReportSheet({ title, note, tables }: { title: string; note: string | null; tables: ReportTable[] }) {
  return (
    <div data-testid="report-sheet">
      <h1>{title}</h1>
      {note && <div className="sub">{note}</div>}
      {tables
        .filter((table) => table.rows.length > 0 && (table.key !== 'byHour' || table.rows.some((row) => row[1] !== 0)))
        .map((table) => (
          <section key={table.key}>
            <h2>{table.name}</h2>
            <table>
              <thead>
                <tr>
                  {table.header.map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows
                  .map((row, index) => ({ row, index }))
                  .filter(({ row }) => table.key !== 'byHour' || row[1] !== 0)
                  .map(({ row, index }) => (
                    <tr key={index}>
                      {row.map((_, c) => (
                        <td key={c}>{reportCell(table, row, c, index)}</td>
                      ))}
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
        ))}
    </div>
  );
}
