// The database side of the exchange: PgInvoiceBackend, the receive use case, the invoice inbox and payment batches.
export * from './exchange.repository';
export * from './residency';
export * from './invoiced-care';
export * from './pg-invoice-backend';
export * from './receive-invoice';
export * from './read-invoice-inbox';
export * from './approve-invoice';
export * from './export-payment-batch';
export * from './exchange.routes';
export * from './demo-invoice';
