export * from './money.js';
export * from './pricing.js';
export * from './protocol.js';
export * from './sale.js';
export * from './schemas/index.js';
export * from './stock.js';
export * from './validate.js';
export * from './stock-document.js';
