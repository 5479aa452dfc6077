// What makes the lobby PC a kiosk beyond its windows: no application menu, the display never sleeps while
// the desk runs, webviews never attach, and the Windows app identity notifications need.
import { Menu, powerSaveBlocker, type App } from 'electron';

/** Must match electron-builder.yml's appId: Windows shows notifications only for a known app identity. */
export const APP_USER_MODEL_ID = 'com.lobbydesk.app';

export function applyKiosk(app: App): void {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  Menu.setApplicationMenu(null);
  powerSaveBlocker.start('prevent-display-sleep');
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
