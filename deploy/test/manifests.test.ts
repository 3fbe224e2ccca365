import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { subgraphNames } from "@storefront/contracts/topology";
import {
  base,
  baseKustomization,
  compose,
  composeEnv,
  containerOf,
  deployDir,
  deployments,
  type Env,
  k8s,
  literals,
  manifestEnv,
  metricsPortOf,
  objectsOf,
  readKustomization,
  repoDir,
  serviceNamed,
  servicePorts,
  services,
  sharedConfig,
  templateOf,
} from "./support";

/**
 * The deployment files checked against the code they run: a manifest that sets a variable no
 * service reads, a value a service would refuse at start, a port or probe that does not match,
 * a missing secret or a URL to a Service that does not exist fails here instead of in a cluster.
 */

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
        const portVariable = env.find((v) => v.name === `${name.toUpperCase()}_PORT`);
        expect(Number(portVariable?.value)).toBe(spec.port);
        expect(container.readinessProbe.httpGet).toEqual({ path: "/ready", port: "http" });
        expect(container.livenessProbe.httpGet).toEqual({ path: "/health", port: "http" });
        const service = serviceNamed(base, name)!;
        expect((service.spec!.selector as Env)["app.kubernetes.io/name"]).toBe(name);
        expect(servicePorts(service)).toEqual([
          { name: "http", port: spec.port, targetPort: "http" },
          { name: "metrics", port: metricsPortOf(name, manifestEnv(name)), targetPort: "metrics" },
        ]);
      });

      it("serves /metrics where its parser says, on a port of its own that Prometheus scrapes", () => {
        // Set, not left to the default, like the service's own port: the manifest says what it runs.
        expect(env.find((v) => v.name === `${name.toUpperCase()}_METRICS_PORT`)?.value).toBeDefined();
        const metricsPort = metricsPortOf(name, manifestEnv(name));
        expect(metricsPort).not.toBe(spec.port);
        expect(container.ports).toContainEqual({ name: "metrics", containerPort: metricsPort });
        expect(templateOf(deployment).metadata.annotations).toEqual({
          "prometheus.io/scrape": "true",
          "prometheus.io/port": String(metricsPort),
          "prometheus.io/path": "/metrics",
        });
      });

      it("starts with this configuration: the service's own parser accepts it", () => {
        const values = manifestEnv(name);
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
    const urls = [sharedConfig, ...Object.keys(services).map((name) => manifestEnv(name))]
      .flatMap((env) => Object.values(env))
      .flatMap((value) => value.split(","))
      .map((value) => value.replace(/^\w+=/, ""))
      .filter((value) => value.startsWith("http://"));
    expect(urls.length).toBeGreaterThan(6);
    for (const url of urls) {
      const { hostname, port } = new URL(url);
      const service = serviceNamed(base, hostname);
      expect(service, url).toBeDefined();
      // The GraphQL and JWKS URLs are served on http; the metrics port answers /metrics only.
      expect(servicePorts(service!).find((p) => p.targetPort === "http")!.port).toBe(Number(port));
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
    // Every replica count it sets is a patch of Deployments that exist, by name or by label.
    const patches = readKustomization(k8s("overlays/production")).patches ?? [];
    const patched = (target: { name?: string; labelSelector?: string }) => {
      const [key, value] = (target.labelSelector ?? "").split("=");
      return deployments
        .filter((d) => (target.name ? d.metadata.name === target.name : d.metadata.labels?.[key!] === value))
        .map((d) => d.metadata.name);
    };
    for (const { target } of patches) {
      expect(target.kind).toBe("Deployment");
      expect(patched(target).length, JSON.stringify(target)).toBeGreaterThan(0);
    }
    const scaledByPatch = patches.flatMap(({ target }) => patched(target));
    for (const pdb of production.filter((o) => o.kind === "PodDisruptionBudget")) {
      expect(names).toContain(
        (pdb.spec!.selector as { matchLabels: Env }).matchLabels["app.kubernetes.io/name"],
      );
    }
    // Every Deployment has a disruption budget.
    const protectedNames = production
      .filter((o) => o.kind === "PodDisruptionBudget")
      .map((pdb) => (pdb.spec!.selector as { matchLabels: Env }).matchLabels["app.kubernetes.io/name"]);
    expect(new Set(protectedNames)).toEqual(names);
    const hpa = production.find((o) => o.kind === "HorizontalPodAutoscaler")!;
    const scaled = (hpa.spec!.scaleTargetRef as { name: string }).name;
    expect(names).toContain(scaled);
    // A fixed count would reset the autoscaler's on every apply.
    expect(scaledByPatch).not.toContain(scaled);
    // Every other Deployment runs more than one replica.
    expect(new Set([...scaledByPatch, scaled])).toEqual(names);
  });
});

describe("Docker Compose", () => {
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
      Object.assign(environment, composeEnv(name));
      if (name === "router") {
        environment.CLIENTS_FILE = routerClientsFile(
          readFileSync(path.join(deployDir, "compose/clients.json"), "utf8"),
        );
      }
      expect(Number(environment[`${name.toUpperCase()}_PORT`])).toBe(spec.port);
      expect(() => spec.configFrom(environment)).not.toThrow();
    });

    it(`${name}: serves /metrics on its own port, where its parser says, labelled for scraping`, () => {
      expect(composeEnv(name)[`${name.toUpperCase()}_METRICS_PORT`]).toBeDefined();
      const metricsPort = metricsPortOf(name, composeEnv(name));
      expect(metricsPort).not.toBe(spec.port);
      expect(compose.services[name]!.expose).toEqual([String(metricsPort)]);
      expect(compose.services[name]!.labels).toEqual({
        "prometheus.io/scrape": "true",
        "prometheus.io/port": String(metricsPort),
        "prometheus.io/path": "/metrics",
      });
    });
  }
});

describe("the storefront's client key", () => {
  it("the name the web image is built with is the web client the routers know, by its hash", () => {
    const key = compose.services.web!.build!.args!.VITE_API_KEY!;
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

describe("run-service.sh", () => {
  /** Runs the image's entry point from the repository root with a `node` that only says what it was asked to run. */
  function runService(service: string) {
    const bin = mkdtempSync(path.join(tmpdir(), "storefront-node-"));
    writeFileSync(path.join(bin, "node"), '#!/bin/sh\necho "$@"\n');
    chmodSync(path.join(bin, "node"), 0o755);
    return spawnSync("sh", [path.join(deployDir, "docker/run-service.sh")], {
      cwd: repoDir,
      env: { PATH: `${bin}:${process.env.PATH}`, SERVICE: service },
      encoding: "utf8",
    });
  }

  it("runs the router or any subgraph of the topology by its name", () => {
    expect(runService("router").stdout.trim()).toBe("--import tsx router/src/main.ts");
    for (const name of subgraphNames)
      expect(runService(name).stdout.trim()).toBe(`--import tsx subgraphs/${name}/src/main.ts`);
  });

  it("refuses anything else, naming what it runs", () => {
    for (const service of ["", "nope", "../router", "users/../../etc", ".hidden"]) {
      const run = runService(service);
      expect(run.status, service).toBe(64);
      expect(run.stderr).toContain("SERVICE must be router or one of:");
      expect(run.stdout).toBe("");
    }
  });
});
