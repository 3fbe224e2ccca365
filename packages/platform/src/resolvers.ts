/**
 * Combines resolver maps written per feature (products, reviews, stock …) into one. Two maps
 * defining the same field is a wiring mistake, so it throws instead of letting one win silently.
 */
export function mergeResolvers<T extends object>(...maps: Record<string, object>[]): T {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      const target = (merged[typeName] ??= {});
      // Scalars (GraphQLScalarType instances) are taken whole.
      if (fields && typeof fields === "object" && fields.constructor !== Object) {
        if (typeName in merged && Object.keys(target).length) throw new Error(`${typeName} is defined twice`);
        merged[typeName] = fields as Record<string, unknown>;
        continue;
      }
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in target) throw new Error(`resolver ${typeName}.${field} is defined twice`);
        target[field] = resolver;
      }
    }
  }
  return merged as T;
}
