/**
 * How operation documents are typed, for the internal operations' clients and the tests'
 * operations alike: the documents are strings carrying their result and variables types.
 */
export const documentsConfig = {
  // The service client and the test client send text, so the documents are strings carrying their types.
  documentMode: "string",
  scalars: {
    DateTime: "string",
    _Any: { input: "{ __typename: string; [field: string]: unknown }", output: "unknown" },
  },
  enumsAsTypes: true,
  useTypeImports: true,
  // `__typename` is typed only where an operation asks for it: the clients add nothing.
  skipTypename: true,
  avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
};
