const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from clients or other subgraphs may be anything; only well-formed ones reach SQL. */
export const isUuid = (value: string) => UUID.test(value);
