import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments, parse as parseYaml } from "yaml";
import { router, subgraphList, variablePrefix } from "@storefront/contracts/topology";
import { parseEnv } from "@storefront/platform/env";
import { routerConfigFrom, routerEnvShape } from "@storefront/router";

/** Reading the deployment files the way kubectl/kustomize and Compose would, for the tests. */
export const deployDir = path.resolve(import.meta.dirname, "..");
export const repoDir = path.resolve(deployDir, "..");
export const k8s = (...parts: string[]) => path.join(deployDir, "k8s", ...parts);

export type Env = Record<string, string>;
type EnvShape = Parameters<typeof parseEnv>[0];
export interface ServiceSpec {
  shape: EnvShape;
  configFrom(env: Env): unknown;
  port: number;
  /** Variables that must come from Secrets. */
  secrets: string[];
}
/**
 * Every service of the topology with its own configuration parser: a subgraph's package exports
 * `<name>EnvShape` and `<name>ConfigFrom` (so a subgraph added to the topology is checked too).
 */
async function subgraphSpec(name: string, port: number): Promise<ServiceSpec> {
  const exports = (await import(`@storefront/${name}`)) as Record<string, unknown>;
  const camel = name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  const shape = exports[`${camel}EnvShape`] as EnvShape | undefined;
  const configFrom = exports[`${camel}ConfigFrom`] as ((env: Env) => unknown) | undefined;
  if (!shape || !configFrom)
    throw new Error(`@storefront/${name} exports no ${camel}EnvShape and ${camel}ConfigFrom`);
  // Credentials, whichever of them its parser reads: its database URL, the service token, the broker.
  const secrets = [`${variablePrefix(name)}_DATABASE_URL`, "SERVICE_TOKEN", "AMQP_URL"].filter(
    (v) => v in shape,
  );
  return { shape, configFrom, port, secrets };
}
export const services: Record<string, ServiceSpec> = {
  ...Object.fromEntries(
    await Promise.all(subgraphList.map(async (s) => [s.name, await subgraphSpec(s.name, s.port)] as const)),
  ),
  router: { shape: routerEnvShape, configFrom: routerConfigFrom, port: router.port, secrets: ["REDIS_URL"] },
};

/** The port a service serves /metrics on, as its own parser resolves `<NAME>_METRICS_PORT` from `env`. */
export function metricsPortOf(name: string, env: Env): number {
  const variable = `${name.toUpperCase()}_METRICS_PORT`;
  const field = services[name]!.shape[variable];
  if (!field) throw new Error(`${name} reads no ${variable}`);
  return parseEnv({ [variable]: field }, env)[variable] as number;
}

/** Plausible secret values, so that each service's parser can judge everything else. */
export const placeholderSecret = (name: string) =>
  name.endsWith("DATABASE_URL")
    ? "postgres://storefront:secret@postgres:5432/storefront"
    : name === "AMQP_URL"
      ? "amqp://storefront:secret@rabbitmq:5672"
      : name === "REDIS_URL"
        ? "redis://redis:6379"
        : "a-service-token-long-enough-0123456789";

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
export interface K8sObject {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}
export interface ContainerPort {
  name: string;
  containerPort: number;
  protocol?: string;
}
export interface SecretKeyRef {
  name: string;
  key: string;
}
export interface Container {
  name: string;
  image: string;
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef: SecretKeyRef } }[];
  envFrom?: { configMapRef: { name: string } }[];
  ports: ContainerPort[];
  readinessProbe: { httpGet: { path: string; port: string } };
  livenessProbe: { httpGet: { path: string; port: string } };
}
export interface PodTemplate {
  metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
  spec: { containers: Container[] };
}
export interface ServicePort {
  name: string;
  port: number;
  targetPort?: string | number;
}
export interface Kustomization {
  resources?: string[];
  configMapGenerator?: { name: string; literals?: string[]; behavior?: string }[];
  secretGenerator?: { name: string; literals: string[] }[];
  images?: { name: string }[];
  patches?: { target: { kind?: string; name?: string; labelSelector?: string }; patch: string }[];
}

export function readKustomization(dir: string): Kustomization {
  return parseYaml(readFileSync(path.join(dir, "kustomization.yaml"), "utf8")) as Kustomization;
}

/** Every object a kustomization's resource files hold (generated ones excluded), bases included. */
export function objectsOf(dir: string): K8sObject[] {
  return (readKustomization(dir).resources ?? []).flatMap((resource) => {
    const target = path.join(dir, resource);
    if (existsSync(path.join(target, "kustomization.yaml"))) return objectsOf(target);
    return parseAllDocuments(readFileSync(target, "utf8")).map((doc) => doc.toJS() as K8sObject);
  });
}

export const literals = (entries: string[] | undefined): Env =>
  Object.fromEntries(
    (entries ?? []).map((entry) => [entry.slice(0, entry.indexOf("=")), entry.slice(entry.indexOf("=") + 1)]),
  );

export const base = objectsOf(k8s("base"));
export const baseKustomization = readKustomization(k8s("base"));
export const sharedConfig = literals(
  baseKustomization.configMapGenerator?.find((g) => g.name === "storefront-config")?.literals,
);
export const deployments = base.filter((o) => o.kind === "Deployment");
export const templateOf = (workload: K8sObject) => workload.spec!.template as PodTemplate;
export const containerOf = (workload: K8sObject) => templateOf(workload).spec.containers[0]!;
export const serviceNamed = (objects: K8sObject[], name: string) =>
  objects.find((o) => o.kind === "Service" && o.metadata.name === name);
export const servicePorts = (service: K8sObject) => service.spec!.ports as ServicePort[];

/**
 * The environment a service's container starts with: the shared ConfigMap, then its own
 * variables (which win), each secret given the value `secret` returns for it. The base's by default.
 */
export function manifestEnv(
  name: string,
  {
    secret = (variable: string) => placeholderSecret(variable),
    config = sharedConfig,
    objects = base,
  }: { secret?: (variable: string, ref: SecretKeyRef) => string; config?: Env; objects?: K8sObject[] } = {},
): Env {
  const deployment = objects.find((o) => o.kind === "Deployment" && o.metadata.name === name)!;
  const values: Env = { ...config };
  for (const variable of containerOf(deployment).env ?? [])
    values[variable.name] = variable.value ?? secret(variable.name, variable.valueFrom!.secretKeyRef);
  return values;
}

export interface ComposeFile {
  services: Record<
    string,
    {
      environment?: Env;
      volumes?: string[];
      expose?: string[];
      labels?: Env;
      build?: { args?: Env };
    }
  >;
}
export const compose = parseYaml(readFileSync(path.join(deployDir, "compose/compose.yaml"), "utf8"), {
  merge: true,
}) as ComposeFile;

/** A Compose service's environment with `${VAR:-default}` taken at its default. */
export function composeEnv(name: string): Env {
  const environment = { ...compose.services[name]!.environment };
  for (const [key, value] of Object.entries(environment))
    environment[key] = value.replace(/\$\{(\w+):-([^}]*)\}/g, "$2");
  return environment;
}
