/** Test support for the Google Sheets add-in: the fake Sheets, the built script's loader, sample sheets, the cost measure. */
export * from './fakeSpreadsheetApp';
export * from './bundle';
export * from './monitoringSheet';
export * from './hostCost';
export * from './snapshot';
