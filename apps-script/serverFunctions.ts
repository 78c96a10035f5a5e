/**
 * Names of the server functions the sidebar calls through google.script.run, one per
 * PanelBackend method. main.ts declares globals of exactly these names (a test checks it).
 */
export const SERVER_FUNCTIONS = {
  load: 'panelLoad',
  save: 'panelSave',
  buildReport: 'panelBuildReport',
  highlight: 'panelHighlight',
  clearHighlight: 'panelClearHighlight',
} as const;

export type ServerFunction = (typeof SERVER_FUNCTIONS)[keyof typeof SERVER_FUNCTIONS];
