import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, parse as parseYaml } from "yaml";
import { cartConfigFrom, cartEnvShape } from "@storefront/cart";
import { catalogueConfigFrom, catalogueEnvShape } from "@storefront/catalogue";
import { ordersConfigFrom, ordersEnvShape } from "@storefront/orders";
import { paymentsConfigFrom, paymentsEnvShape } from "@storefront/payments";
import { routerConfigFrom, routerEnvShape } from "@storefront/router";
import { shippingConfigFrom, shippingEnvShape } from "@storefront/shipping";
import { usersConfigFrom, usersEnvShape } from "@storefront/users";

/**
 * The deployment files checked against the code they run: a manifest that sets a variable no
 * service reads, a value a service would refuse at start, a port or probe that does not match,
 * a missing secret or a URL to a Service that does not exist fails here instead of in a cluster.
 */
const deployDir = path.resolve(import.meta.dirname, "..");
const k8s = (...parts: string[]) => path.join(deployDir, "k8s", ...parts);

type Env = Record<string, string>;
interface ServiceSpec {
  shape: object;
  configFrom(env: Env): unknown;
  port: number;
  /** Variables that must come from Secrets. */
  secrets: string[];
}
const services: Record<string, ServiceSpec> = {
  users: { shape: usersEnvShape, configFrom: usersConfigFrom, port: 4001, secrets: ["USERS_DATABASE_URL"] },
  catalogue: {
    shape: catalogueEnvShape,
    configFrom: catalogueConfigFrom,
    port: 4002,
    secrets: ["CATALOGUE_DATABASE_URL", "SERVICE_TOKEN"],
  },
  cart: {
    shape: cartEnvShape,
    configFrom: cartConfigFrom,
    port: 4003,
    secrets: ["CART_DATABASE_URL", "SERVICE_TOKEN"],
  },
  orders: {
    shape: ordersEnvShape,
    configFrom: ordersConfigFrom,
    port: 4004,
    secrets: ["ORDERS_DATABASE_URL", "SERVICE_TOKEN", "AMQP_URL"],
  },
  payments: {
    shape: paymentsEnvShape,
    configFrom: paymentsConfigFrom,
    port: 4005,
    secrets: ["PAYMENTS_DATABASE_URL", "SERVICE_TOKEN"],
  },
  shipping: {
    shape: shippingEnvShape,
    configFrom: shippingConfigFrom,
    port: 4006,
    secrets: ["SHIPPING_DATABASE_URL", "SERVICE_TOKEN", "AMQP_URL"],
  },
  router: { shape: routerEnvShape, configFrom: routerConfigFrom, port: 4000, secrets: ["REDIS_URL"] },
};
/** Plausible secret values, so that each service's parser can judge everything else. */
const placeholderSecret = (name: string) =>
  name.endsWith("DATABASE_URL")
    ? "postgres://storefront:secret@postgres:5432/storefront"
    : name === "AMQP_URL"
      ? "amqp://storefront:secret@rabbitmq:5672"
      : name === "REDIS_URL"
        ? "redis://redis:6379"
        : "a-service-token-long-enough-0123456789";

interface K8sObject {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}
interface Container {
  name: string;
  image: string;
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }[];
  envFrom?: { configMapRef: { name: string } }[];
  ports: { name: string; containerPort: number }[];
  readinessProbe: { httpGet: { path: string; port: string } };
  livenessProbe: { httpGet: { path: string; port: string } };
}
interface Kustomization {
  resources?: string[];
  configMapGenerator?: { name: string; literals?: string[]; behavior?: string }[];
  secretGenerator?: { name: string; literals: string[] }[];
  images?: { name: string }[];
  replicas?: { name: string }[];
}

function readKustomization(dir: string): Kustomization {
  return parseYaml(readFileSync(path.join(dir, "kustomization.yaml"), "utf8")) as Kustomization;
}

/** Every object a kustomization's resource files hold (generated ones excluded), bases included. */
function objectsOf(dir: string): K8sObject[] {
  return (readKustomization(dir).resources ?? []).flatMap((resource) => {
    const target = path.join(dir, resource);
    if (existsSync(path.join(target, "kustomization.yaml"))) return objectsOf(target);
    return parseAllDocuments(readFileSync(target, "utf8")).map((doc) => doc.toJS() as K8sObject);
  });
}

const literals = (entries: string[] | undefined): Env =>
  Object.fromEntries(
    (entries ?? []).map((entry) => [entry.slice(0, entry.indexOf("=")), entry.slice(entry.indexOf("=") + 1)]),
  );

const base = objectsOf(k8s("base"));
const baseKustomization = readKustomization(k8s("base"));
const sharedConfig = literals(
  baseKustomization.configMapGenerator?.find((g) => g.name === "storefront-config")?.literals,
);
const deployments = base.filter((o) => o.kind === "Deployment");
const containerOf = (deployment: K8sObject) =>
  (deployment.spec!.template as { spec: { containers: Container[] } }).spec.containers[0]!;

/** The router reads its clients file at start: hand it the one the manifests mount. */
function routerClientsFile(json: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "storefront-clients-"));
  const file = path.join(dir, "clients.json");
  writeFileSync(file, json);
  return file;
}
const clientsConfigMap = base.find(
  (o) => o.kind === "ConfigMap" && o.metadata.name === "storefront-clients",
)!;

describe("Kubernetes manifests", () => {
  it("every kustomization's files exist", () => {
    for (const dir of [k8s("base"), k8s("overlays/dev"), k8s("overlays/production")]) {
      for (const resource of readKustomization(dir).resources ?? [])
        expect(existsSync(path.join(dir, resource))).toBe(true);
    }
  });

  it("runs every service, each from the image that holds it", () => {
    const byName = new Map(deployments.map((d) => [d.metadata.name, d]));
    for (const name of [...Object.keys(services), "web"]) expect(byName.has(name)).toBe(true);
    const images = new Set(baseKustomization.images?.map((i) => i.name));
    for (const deployment of deployments) expect(images).toContain(containerOf(deployment).image);
  });

  for (const [name, spec] of Object.entries(services)) {
    describe(name, () => {
      const deployment = deployments.find((d) => d.metadata.name === name)!;
      const container = containerOf(deployment);
      const env = container.env ?? [];

      it("sets only variables the service reads, and the image runs this service", () => {
        const known = new Set([...Object.keys(spec.shape), "SERVICE"]);
        for (const variable of env) expect(known, variable.name).toContain(variable.name);
        expect(env.find((v) => v.name === "SERVICE")?.value).toBe(name);
      });

      it("takes its credentials from Secrets, never from plain values", () => {
        for (const secret of spec.secrets) {
          const variable = env.find((v) => v.name === secret);
          expect(variable?.valueFrom?.secretKeyRef, `${name} ${secret}`).toBeDefined();
        }
      });

      it("listens where its Service, port variable and probes say", () => {
        const port = container.ports.find((p) => p.name === "http")!;
        expect(port.containerPort).toBe(spec.port);
        const portVariable = env.find((v) => v.name.endsWith("_PORT"));
        expect(Number(portVariable?.value)).toBe(spec.port);
        expect(container.readinessProbe.httpGet).toEqual({ path: "/ready", port: "http" });
        expect(container.livenessProbe.httpGet).toEqual({ path: "/health", port: "http" });
        const service = base.find((o) => o.kind === "Service" && o.metadata.name === name)!;
        expect((service.spec!.selector as Env)["app.kubernetes.io/name"]).toBe(name);
        expect(service.spec!.ports).toEqual([{ name: "http", port: spec.port, targetPort: "http" }]);
      });

      it("starts with this configuration: the service's own parser accepts it", () => {
        const values: Env = { ...sharedConfig };
        for (const variable of env) {
          values[variable.name] = variable.value ?? placeholderSecret(variable.name);
        }
        if (name === "router")
          values.CLIENTS_FILE = routerClientsFile(clientsConfigMap.data!["clients.json"]!);
        expect(() => spec.configFrom(values)).not.toThrow();
      });
    });
  }

  it("shares only settings some service reads", () => {
    const read = new Set(Object.values(services).flatMap((s) => Object.keys(s.shape)));
    for (const key of Object.keys(sharedConfig)) expect(read, key).toContain(key);
  });

  it("points every service URL at a Service that exists, on its port", () => {
    const urls = Object.values(sharedConfig)
      .flatMap((value) => value.split(","))
      .map((value) => value.replace(/^\w+=/, ""))
      .filter((value) => value.startsWith("http://"));
    expect(urls.length).toBeGreaterThan(6);
    for (const url of urls) {
      const { hostname, port } = new URL(url);
      const service = base.find((o) => o.kind === "Service" && o.metadata.name === hostname);
      expect(service, url).toBeDefined();
      expect((service!.spec!.ports as { port: number }[])[0]!.port).toBe(Number(port));
    }
  });

  it("routes /graphql to the router and the rest to the storefront", () => {
    const ingress = base.find((o) => o.kind === "Ingress")!;
    const paths = (
      ingress.spec!.rules as { http: { paths: { path: string; backend: { service: { name: string } } }[] } }[]
    )[0]!.http.paths;
    expect(paths.map((p) => [p.path, p.backend.service.name])).toEqual([
      ["/graphql", "router"],
      ["/", "web"],
    ]);
  });

  it("the dev overlay generates every Secret the Deployments refer to", () => {
    const generated = new Map(
      (readKustomization(k8s("overlays/dev")).secretGenerator ?? []).map((g) => [
        g.name,
        literals(g.literals),
      ]),
    );
    for (const deployment of deployments) {
      for (const variable of containerOf(deployment).env ?? []) {
        const ref = variable.valueFrom?.secretKeyRef;
        if (ref) expect(generated.get(ref.name)?.[ref.key], `${ref.name}/${ref.key}`).toBeDefined();
      }
    }
  });

  it("the production overlay scales, protects and autoscales Deployments that exist", () => {
    const production = objectsOf(k8s("overlays/production"));
    const names = new Set(deployments.map((d) => d.metadata.name));
    for (const replica of readKustomization(k8s("overlays/production")).replicas ?? [])
      expect(names).toContain(replica.name);
    for (const pdb of production.filter((o) => o.kind === "PodDisruptionBudget")) {
      expect(names).toContain(
        (pdb.spec!.selector as { matchLabels: Env }).matchLabels["app.kubernetes.io/name"],
      );
    }
    const hpa = production.find((o) => o.kind === "HorizontalPodAutoscaler")!;
    const scaled = (hpa.spec!.scaleTargetRef as { name: string }).name;
    expect(names).toContain(scaled);
    // A fixed count would reset the autoscaler's on every apply.
    expect((readKustomization(k8s("overlays/production")).replicas ?? []).map((r) => r.name)).not.toContain(
      scaled,
    );
  });
});

describe("Docker Compose", () => {
  const compose = parseYaml(readFileSync(path.join(deployDir, "compose/compose.yaml"), "utf8"), {
    merge: true,
  }) as {
    services: Record<string, { environment?: Env; volumes?: string[] }>;
  };

  for (const [name, spec] of Object.entries(services)) {
    it(`${name}: the service's own parser accepts its environment`, () => {
      const environment = { ...compose.services[name]!.environment };
      expect(environment.SERVICE).toBe(name);
      for (const variable of Object.keys(environment)) {
        // The shared block carries the URLs of several services; each reads its own.
        if (!(variable in spec.shape) && variable !== "SERVICE") {
          const readBySomeone = Object.values(services).some((s) => variable in s.shape);
          expect(readBySomeone, variable).toBe(true);
        }
      }
      for (const [key, value] of Object.entries(environment))
        environment[key] = value.replace(/\$\{(\w+):-([^}]*)\}/g, "$2");
      if (name === "router") {
        environment.CLIENTS_FILE = routerClientsFile(
          readFileSync(path.join(deployDir, "compose/clients.json"), "utf8"),
        );
      }
      expect(Number(environment[`${name.toUpperCase()}_PORT`])).toBe(spec.port);
      expect(() => spec.configFrom(environment)).not.toThrow();
    });
  }
});

describe("the storefront's client key", () => {
  it("the name the web image is built with is the web client the routers know, by its hash", () => {
    const compose = parseYaml(readFileSync(path.join(deployDir, "compose/compose.yaml"), "utf8"), {
      merge: true,
    }) as {
      services: { web: { build: { args: Env } } };
    };
    const key = compose.services.web.build.args.VITE_API_KEY!;
    const hash = createHash("sha256").update(key).digest("hex");
    const clientsOf = (json: string) =>
      (JSON.parse(json) as { clients: { name: string; apiKeySha256: string; public?: boolean }[] }).clients;
    for (const clients of [
      clientsOf(clientsConfigMap.data!["clients.json"]!),
      clientsOf(readFileSync(path.join(deployDir, "compose/clients.json"), "utf8")),
    ]) {
      expect(clients.find((c) => c.name === "web")).toMatchObject({ apiKeySha256: hash, public: true });
    }
    expect(readFileSync(path.join(deployDir, "README.md"), "utf8")).toContain(`VITE_API_KEY=${key}`);
  });
});
