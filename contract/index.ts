// The contract between extension and hotline server. Plain zod, no WXT auto-imports:
// the server, the CLIs and the extension all import this module.
export * from './assessment';
export * from './categories';
export * from './evidence';
export * from './category-schema';
export * from './limits';
export * from './listing';
export * from './report';
export * from './rule-pack';
export * from './text';
