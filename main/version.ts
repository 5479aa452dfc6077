// The app's version, fixed at build time (the build replaces process.env.LOBBY_DESK_VERSION).
export const APP_VERSION: string = process.env.LOBBY_DESK_VERSION ?? '0.0.0-dev';
