/**
 * sferum-monitor core: everything both add-ins and the command line compute, with no host API,
 * no DOM and no Node built-ins. Hosts import from here only.
 */
export * from './values';
export * from './text';
export * from './format';
export * from './rules';
export * from './messages';
export * from './findings';
export * from './settings';
export * from './catalogue/columns';
export * from './catalogue/indicators';
export * from './table/header';
export * from './table/schoolTable';
export * from './table/summaryTable';
export * from './table/planTable';
export * from './table/merges';
export * from './evaluate/indicatorSet';
export * from './evaluate/measure';
export * from './evaluate/evaluate';
export * from './evaluate/compare';
export * from './evaluate/summary';
export * from './formulas/types';
export * from './formulas/registry';
export * from './report/model';
export * from './report/writtenExtent';
export * from './report/buildReport';
export * from './report/highlight';
export * from './pipeline';
export * from './report/summaryReport';
