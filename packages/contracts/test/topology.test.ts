/**
 * The topology (src/topology.ts) is the one list of services: every file that restates part of
 * it is rendered from it (git-ignored, written before a deployment) and must agree with it when
 * parsed; the committed files meant to serve any number of subgraphs must name none.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml, parseAllDocuments } from "yaml";
import { generatedFiles, renderServiceTable, secretsOf } from "../src/topology-files";
import {
  callersOf,
  jwksUrl,
  locatorsOf,
  queueName,
  router,
  startOrder,
  subgraph,
  subgraphList,
  subgraphNames,
  subgraphUrl,
  subgraphUrls,
  tokenIssuer,
  usesBroker,
  web,
} from "../src/topology";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");
const services = ["router", ...subgraphNames];

interface Container {
  env: { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }[];
  ports: { name: string; containerPort: number }[];
}
interface K8sObject {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec: Record<string, unknown>;
}
/** The rendered files, by path: what `npm run topology -w @storefront/contracts` writes. */
const files = generatedFiles();
const k8sObjects = (file: string) =>
  parseAllDocuments(files[file]!).map((document) => document.toJS() as K8sObject);
const containerOf = (deployment: K8sObject) =>
  (deployment.spec.template as { spec: { containers: Container[] } }).spec.containers[0]!;

describe("the topology", () => {
  it("gives every service a port and metrics port of its own, and every subgraph a database of its own", () => {
    const ports = [
      web.port,
      router.port,
      router.metricsPort,
      ...subgraphList.flatMap((s) => [s.port, s.metricsPort]),
    ];
    expect(new Set(ports).size).toBe(ports.length);
    const databases = subgraphList.map((s) => s.database);
    expect(new Set(databases).size).toBe(databases.length);
    for (const database of databases) expect(database).toMatch(/^[a-z_][a-z0-9_]*$/);
  });

  it("names existing subgraphs as callees, never itself, and has one token issuer", () => {
    for (const s of subgraphList) {
      for (const callee of s.calls) {
        expect(subgraphNames, `${s.name} calls ${callee}`).toContain(callee);
        expect(callee).not.toBe(s.name);
      }
    }
    expect(subgraphList.filter((s) => s.issuesTokens).map((s) => s.name)).toEqual([tokenIssuer.name]);
  });

  it("starts each subgraph after those it calls and the token issuer", () => {
    const order = startOrder().map((s) => s.name);
    expect([...order].sort()).toEqual([...subgraphNames].sort());
    for (const s of subgraphList) {
      for (const callee of [...s.calls, ...(s.verifiesTokens ? [tokenIssuer.name] : [])])
        expect(order.indexOf(callee), `${callee} before ${s.name}`).toBeLessThan(order.indexOf(s.name));
    }
  });

  it("has a folder per subgraph with its SDL, and no subgraph folder it does not list", () => {
    const folders = readdirSync(path.join(repoRoot, "subgraphs"), { withFileTypes: true })
      .filter(
        (entry) =>
          entry.isDirectory() && existsSync(path.join(repoRoot, "subgraphs", entry.name, "package.json")),
      )
      .map((entry) => entry.name);
    expect([...folders].sort()).toEqual([...subgraphNames].sort());
    for (const s of subgraphList)
      expect(existsSync(path.join(repoRoot, s.schemaFile)), s.schemaFile).toBe(true);
  });

  it("lists the events each subgraph publishes and the queues it consumes as its code names them", () => {
    const sourceOf = (name: string) => {
      const dir = path.join(repoRoot, "subgraphs", name, "src");
      return readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
        .map((file) => readFileSync(path.join(dir, file), "utf8"))
        .join("\n");
    };
    for (const s of subgraphList) {
      const source = sourceOf(s.name);
      for (const event of s.publishes) expect(source, `${s.name} publishes ${event}`).toContain(`"${event}"`);
      for (const consumed of s.consumes) {
        expect(source, `${s.name} reads ${consumed.variable}`).toContain(consumed.variable);
        for (const event of consumed.events)
          expect(source, `${s.name} binds ${event}`).toContain(`"${event}"`);
        // Someone publishes what it consumes.
        for (const event of consumed.events)
          expect(
            subgraphList.some((p) => p.publishes.includes(event as never)),
            event,
          ).toBe(true);
      }
    }
  });

  it("derives URLs and variables from one entry", () => {
    expect(subgraphUrl("cart")).toBe(`http://localhost:${subgraph("cart").port}/graphql`);
    expect(subgraphUrl("cart", (name) => name, 10)).toBe(`http://cart:${subgraph("cart").port + 10}/graphql`);
    expect(jwksUrl()).toBe(`http://localhost:${tokenIssuer.port}/.well-known/jwks.json`);
    expect(subgraphUrls().split(",")).toEqual(subgraphList.map((s) => `${s.name}=${subgraphUrl(s.name)}`));
    expect(subgraph("orders")).toMatchObject({
      portVariable: "ORDERS_PORT",
      metricsPortVariable: "ORDERS_METRICS_PORT",
      databaseUrlVariable: "ORDERS_DATABASE_URL",
      urlVariable: "ORDERS_URL",
      schemaFile: "subgraphs/orders/src/schema.graphql",
    });
    expect(queueName("orders", "SHIPMENT_EVENTS_QUEUE")).toBe("orders.shipment-events");
    expect(() => queueName("orders", "NO_SUCH_QUEUE")).toThrow(/consumes no queue/);
    expect(() => subgraph("nope")).toThrow(/no subgraph "nope"/);
  });
});

describe("the files rendered from the topology", () => {
  // Committed, a rendering would change with every subgraph added and could go stale; ignored, it
  // is always written from today's topology before use.
  const ignored = read("deploy/.gitignore")
    .split("\n")
    .filter((line) => line.startsWith("/"))
    .map((line) => `deploy${line}`);
  for (const file of Object.keys(files)) {
    it(`${file} is rendered before a deployment, never committed (deploy/.gitignore)`, () => {
      expect(ignored).toContain(file);
    });
  }

  it("Kubernetes: a Deployment, Service and disruption budget per service, each on its topology ports with what it calls", () => {
    const objects = k8sObjects("deploy/k8s/base/services.yaml");
    const named = (kind: string) => objects.filter((o) => o.kind === kind).map((o) => o.metadata.name);
    expect(named("Deployment")).toEqual(services);
    expect(named("Service")).toEqual(services);
    expect(named("PodDisruptionBudget")).toEqual(services);
    for (const name of services) {
      const own = name === "router" ? router : subgraph(name);
      const deployment = objects.find((o) => o.kind === "Deployment" && o.metadata.name === name)!;
      const container = containerOf(deployment);
      expect(container.ports).toEqual([
        { name: "http", containerPort: own.port },
        { name: "metrics", containerPort: own.metricsPort },
      ]);
      const plain = Object.fromEntries(
        container.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value]),
      );
      expect(plain).toMatchObject({ SERVICE: name, ...locatorsOf(name, (host) => host) });
      const secrets = Object.fromEntries(
        container.env
          .filter((e) => e.valueFrom)
          .map((e) => [e.name, [e.valueFrom!.secretKeyRef.name, e.valueFrom!.secretKeyRef.key]]),
      );
      expect(secrets).toEqual(secretsOf(name));
      const service = objects.find((o) => o.kind === "Service" && o.metadata.name === name)!;
      expect((service.spec.ports as { port: number }[]).map((p) => p.port)).toEqual([
        own.port,
        own.metricsPort,
      ]);
    }
  });

  it("Kubernetes: each subgraph's ingress policy admits the router and exactly the services that call it", () => {
    const policies = k8sObjects("deploy/k8s/base/services.yaml").filter((o) => o.kind === "NetworkPolicy");
    for (const s of subgraphList) {
      const policy = policies.find((p) => p.metadata.name === `${s.name}-ingress`)!;
      const from = (
        policy.spec.ingress as { from: { podSelector: { matchExpressions: { values: string[] }[] } }[] }[]
      )[0]!.from[0]!.podSelector.matchExpressions[0]!.values;
      expect([...from].sort()).toEqual(
        callersOf(s.name)
          .map((c) => c.service)
          .sort(),
      );
    }
  });

  it("Kubernetes dev overlay: a database and its URL per subgraph", () => {
    const dev = parseYaml(files["deploy/k8s/overlays/dev/kustomization.yaml"]!) as {
      configMapGenerator: { name: string; literals: string[] }[];
      secretGenerator: { name: string; literals: string[] }[];
    };
    const databases = dev.secretGenerator.find((g) => g.name === "storefront-databases")!.literals;
    expect(databases).toEqual(
      subgraphList.map((s) => `${s.name}=postgres://storefront:storefront@postgres:5432/${s.database}`),
    );
    const init = dev.configMapGenerator.find((g) => g.name === "postgres-init")!.literals[0]!;
    expect([...init.matchAll(/CREATE DATABASE (\w+);/g)].map((m) => m[1])).toEqual(
      subgraphList.map((s) => s.database),
    );
  });

  it("Compose: a service per topology service, on its ports, with its database and what it calls", () => {
    const compose = parseYaml(files["deploy/compose/compose.yaml"]!, { merge: true }) as {
      configs: Record<string, { content: string }>;
      services: Record<string, { environment: Record<string, string>; expose?: string[] }>;
    };
    expect(Object.keys(compose.services).sort()).toEqual(
      [...services, "postgres", "rabbitmq", "redis", "web"].sort(),
    );
    for (const s of subgraphList) {
      const env = compose.services[s.name]!.environment;
      expect(env).toMatchObject({
        SERVICE: s.name,
        [s.portVariable]: String(s.port),
        [s.metricsPortVariable]: String(s.metricsPort),
        [s.databaseUrlVariable]: `postgres://postgres@postgres:5432/${s.database}`,
        ...locatorsOf(s.name, (host) => host),
      });
      expect(compose.services[s.name]!.expose).toEqual([String(s.metricsPort)]);
      if (usesBroker(s)) expect(env.AMQP_URL).toMatch(/^amqp:\/\//);
    }
    expect(compose.services.router!.environment).toMatchObject(locatorsOf("router", (host) => host));
    expect(
      [...compose.configs["postgres-init"]!.content.matchAll(/CREATE DATABASE (\w+);/g)].map((m) => m[1]),
    ).toEqual(subgraphList.map((s) => s.database));
  });

  it("the service table (`npm run topology -- --table`) has a row per service with its ports and database", () => {
    const rows = renderServiceTable()
      .split("\n")
      .filter((line) => line.startsWith("| ") && !line.startsWith("| service") && !line.startsWith("| ---"))
      .map((line) =>
        line
          .split("|")
          .slice(1, 5)
          .map((cell) => cell.trim().replace(/`/g, "")),
      );
    expect(rows).toEqual([
      ["router", String(router.port), String(router.metricsPort), "—"],
      ...subgraphList.map((s) => [s.name, String(s.port), String(s.metricsPort), s.database]),
    ]);
  });
});

describe("the files that serve any number of subgraphs", () => {
  // Their values (comments aside) name no subgraph: a subgraph added to the topology needs no edit here.
  const generic = [
    "deploy/k8s/base/kustomization.yaml",
    "deploy/k8s/base/network-policies.yaml",
    "deploy/k8s/overlays/dev/backing-services.yaml",
    "deploy/k8s/overlays/production/kustomization.yaml",
    "deploy/k8s/overlays/production/availability.yaml",
  ];
  for (const file of generic) {
    it(`${file} names no subgraph`, () => {
      const values = JSON.stringify(
        parseAllDocuments(read(file)).map((document) => document.toJS() as unknown),
      );
      for (const name of subgraphNames) expect(values, name).not.toMatch(new RegExp(`\\b${name}\\b`));
    });
  }

  it("the services' configuration spells no other service's port or URL (they read the topology)", () => {
    const envFiles = [
      ...subgraphNames.map((name) => `subgraphs/${name}/src/env.ts`),
      "packages/platform/src/env.ts",
      "scripts/ports.ts",
      "scripts/start.ts",
    ];
    for (const file of envFiles) {
      const source = read(file);
      expect(source, file).not.toMatch(/localhost:\d+/);
      expect(source, file).not.toMatch(/envFields\.port\(\d+\)/);
    }
    // The router's own ports are its own; the services it calls are the topology's.
    const subgraphPorts = new RegExp(`localhost:(${subgraphList.map((s) => s.port).join("|")})\\b`);
    expect(read("router/src/env.ts")).not.toMatch(subgraphPorts);
  });

  it("the README copies no service table: it points at the one the topology prints", () => {
    const readme = read("README.md");
    expect(readme).toContain("npm run topology -w @storefront/contracts -- --table");
    for (const s of subgraphList)
      expect(readme, s.name).not.toMatch(new RegExp(`^\\|\\s*${s.name}\\s*\\|\\s*${s.port}\\s*\\|`, "m"));
  });

  it("no supergraph.yaml restates the subgraphs: the composition reads the topology", () => {
    expect(existsSync(path.join(repoRoot, "supergraph.yaml"))).toBe(false);
  });
});
