import { createHash } from "node:crypto";
import type { DocumentNode, GraphQLSchema } from "graphql";

const DOCUMENT_CACHE_SIZE = 1_000;

/** The hex SHA-256 of an operation's text: the key persisted ids, APQ and Apollo's store all use. */
export const documentHash = (source: string) => createHash("sha256").update(source, "utf8").digest("hex");

/**
 * Operation texts that parsed and validated against the served API schema, by their SHA-256, so
 * that the same text from many requests (either transport) is parsed and validated once. Only
 * valid documents are kept: a refusal is checked again each time, and junk cannot fill the cache.
 * A new schema starts an empty cache: validity belongs to the schema it was checked against.
 */
export class DocumentCache {
  private readonly entries = new Map<string, DocumentNode>();
  private schema: GraphQLSchema | undefined;
  /** Lookups answered from the cache, and texts that parsed and validated (tests, profiles). */
  readonly stats = { reused: 0, checked: 0 };

  constructor(private readonly max = DOCUMENT_CACHE_SIZE) {}

  /** The valid document for this text under `schema`, or undefined when it must be checked. */
  get(schema: GraphQLSchema, hash: string): DocumentNode | undefined {
    if (schema !== this.schema) return undefined;
    const document = this.entries.get(hash);
    if (!document) return undefined;
    // Least recently used goes first: a hit moves to the back.
    this.entries.delete(hash);
    this.entries.set(hash, document);
    this.stats.reused += 1;
    return document;
  }

  /** A document the schema validated. */
  remember(schema: GraphQLSchema, hash: string, document: DocumentNode): void {
    if (schema !== this.schema) {
      this.entries.clear();
      this.schema = schema;
    }
    this.stats.checked += 1;
    this.entries.delete(hash);
    this.entries.set(hash, document);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  /** A valid document by hash under whatever schema is current (Apollo's document store asks so). */
  current(hash: string): DocumentNode | undefined {
    return this.schema ? this.get(this.schema, hash) : undefined;
  }
}
