/** Test support of the Excel add-in: the fake workbook, sample sheets and the host cost the benchmark reads. */
export * from './fakeExcel';
export * from './monitoringSheet';
export * from './hostCost';
