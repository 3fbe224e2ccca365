import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { subgraphList, subgraphUrl } from "@storefront/contracts/topology";
import { parseEnv } from "@storefront/platform/env";
import {
  type ContainerPort,
  deployDir,
  type Env,
  type K8sObject,
  k8s,
  type LabelSelector,
  literals,
  manifestEnv,
  objectsOf,
  readKustomization,
  servicePorts,
  services,
  sharedConfig,
  templateOf,
} from "./support";

/**
 * The NetworkPolicies, evaluated as a cluster would: who may open a connection to which port of
 * which pod. What must be allowed comes from the code's own topology: every URL a service's
 * configuration parser resolves with the environment the manifests give it (defaults included),
 * the routes the Ingress and the storefront's nginx proxy, and the ports Prometheus is told to
 * scrape. Anything else must be refused.
 */

/** A pod as NetworkPolicies see it: where it runs, its labels and its named ports. */
interface Peer {
  name: string;
  namespace: string;
  labels: Env;
  ports: ContainerPort[];
  /** Outside the cluster: only an ipBlock can admit it. */
  external?: boolean;
}
interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string };
}
interface PolicyPort {
  port?: number | string;
  endPort?: number;
  protocol?: string;
}
interface NetworkPolicy {
  metadata: { name: string };
  spec: {
    podSelector: LabelSelector;
    policyTypes?: string[];
    ingress?: { from?: PolicyPeer[]; ports?: PolicyPort[] }[];
  };
}

const namespace = "storefront";
const namespaceLabels = (name: string): Env => ({ "kubernetes.io/metadata.name": name });

function selects(selector: LabelSelector, labels: Env): boolean {
  const exact = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  return (
    exact &&
    (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
      switch (operator) {
        case "In":
          return key in labels && values.includes(labels[key]!);
        case "NotIn":
          return !(key in labels && values.includes(labels[key]!));
        case "Exists":
          return key in labels;
        case "DoesNotExist":
          return !(key in labels);
        default:
          throw new Error(`unknown selector operator ${operator}`);
      }
    })
  );
}

function admits(rule: PolicyPeer, peer: Peer): boolean {
  // Pod addresses fall in some CIDR too, so an ipBlock is taken to admit anyone.
  if (rule.ipBlock) return true;
  if (peer.external) return false;
  const inNamespace = rule.namespaceSelector
    ? selects(rule.namespaceSelector, namespaceLabels(peer.namespace))
    : peer.namespace === namespace;
  return inNamespace && (!rule.podSelector || selects(rule.podSelector, peer.labels));
}

function portMatches(rule: PolicyPort, target: Peer, port: number): boolean {
  if ((rule.protocol ?? "TCP") !== "TCP") return false;
  if (rule.port === undefined) return true;
  if (typeof rule.port === "string")
    return target.ports.some((p) => p.name === rule.port && p.containerPort === port);
  return rule.endPort === undefined ? rule.port === port : port >= rule.port && port <= rule.endPort;
}

/** Whether `from` may connect to `port` of `to`: open unless some Ingress policy selects `to`. */
function allowed(policies: NetworkPolicy[], from: Peer, to: Peer, port: number): boolean {
  if (to.namespace !== namespace) throw new Error("only pods of the storefront's namespace are evaluated");
  const selecting = policies.filter(
    (p) => (p.spec.policyTypes ?? ["Ingress"]).includes("Ingress") && selects(p.spec.podSelector, to.labels),
  );
  if (selecting.length === 0) return true;
  return selecting.some((policy) =>
    (policy.spec.ingress ?? []).some(
      (rule) =>
        (!rule.from?.length || rule.from.some((peer) => admits(peer, from))) &&
        (!rule.ports?.length || rule.ports.some((p) => portMatches(p, to, port))),
    ),
  );
}

function podsOf(objects: K8sObject[]): Peer[] {
  return objects
    .filter((o) => o.kind === "Deployment" || o.kind === "StatefulSet")
    .map((workload) => {
      const template = templateOf(workload);
      return {
        name: workload.metadata.name,
        namespace,
        labels: template.metadata.labels,
        ports: template.spec.containers.flatMap((c) => c.ports ?? []),
      };
    });
}

const ingressController: Peer = {
  name: "ingress controller",
  namespace: "ingress-nginx",
  labels: { "app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/component": "controller" },
  ports: [],
};
const prometheus: Peer = {
  name: "prometheus",
  namespace: "monitoring",
  labels: { "app.kubernetes.io/name": "prometheus" },
  ports: [],
};
/** Peers no call needs: each must be refused everywhere. */
const strangers: Peer[] = [
  {
    name: "another pod of the namespace",
    namespace,
    labels: { "app.kubernetes.io/name": "debug", "app.kubernetes.io/part-of": "storefront" },
    ports: [],
  },
  {
    name: "a pod of another namespace wearing the router's labels",
    namespace: "default",
    labels: { "app.kubernetes.io/name": "router", "app.kubernetes.io/part-of": "storefront" },
    ports: [],
  },
  {
    name: "ingress-nginx's admission webhook",
    namespace: "ingress-nginx",
    labels: { "app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/component": "admission-webhook" },
    ports: [],
  },
  { name: "a client outside the cluster", namespace: "", labels: {}, ports: [], external: true },
];

interface Call {
  from: string;
  to: string;
  port: number;
  why: string;
}
const key = (from: string, to: string, port: number) => `${from} -> ${to}:${port}`;

/**
 * Where a URL lands: the Service named by its host, the Service port it names, and the pod port
 * that port targets. A host that is no Service (say a parser's localhost default the manifests
 * left unset) fails the test: that call would go nowhere in the cluster.
 */
function resolveUrl(
  objects: K8sObject[],
  pods: Peer[],
  url: string,
  why: string,
): { pod: Peer; port: number } {
  const { hostname, port, protocol } = new URL(url);
  const service = objects.find((o) => o.kind === "Service" && o.metadata.name === hostname);
  expect(service, `${why}: ${url} names no Service`).toBeDefined();
  const number = Number(port || (protocol === "https:" || protocol === "wss:" ? 443 : 80));
  const servicePort = servicePorts(service!).find((p) => p.port === number);
  expect(servicePort, `${why}: Service ${hostname} has no port ${number}`).toBeDefined();
  const selector = service!.spec!.selector as Env;
  const pod = pods.find((p) => selects({ matchLabels: selector }, p.labels));
  expect(pod, `${why}: Service ${hostname} selects no pod`).toBeDefined();
  // Without a targetPort, a Service forwards to the pod port of the same number.
  const target = servicePort!.targetPort ?? servicePort!.port;
  const podPort =
    typeof target === "number" ? target : pod!.ports.find((p) => p.name === target)?.containerPort;
  expect(podPort, `${why}: pod ${pod!.name} has no port ${target}`).toBeDefined();
  return { pod: pod!, port: podPort! };
}

/**
 * Every address a service dials, from its resolved configuration: the `*_URL` variables and each
 * entry of a `*_URLS` list of `name=url` pairs (CORS_ORIGINS and the like are not dialled).
 */
function urlsIn(resolved: Record<string, unknown>): { variable: string; url: string }[] {
  return Object.entries(resolved).flatMap(([variable, value]) =>
    typeof value === "string" && /_URLS?$/.test(variable)
      ? value
          .split(",")
          .map((part) => part.trim().replace(/^[\w-]+=(?=[a-z]+:\/\/)/, ""))
          .filter((part) => /^[a-z][a-z0-9+.-]*:\/\/[^/]/.test(part))
          .map((url) => ({ variable, url }))
      : [],
  );
}

/** The subgraphs the router plans against (the topology's, as composed), each at the URL it would use. */
function routerSubgraphUrls(resolved: Record<string, unknown>): { variable: string; url: string }[] {
  const overridden = new Set(
    ((resolved.SUBGRAPH_URLS as string | undefined) ?? "")
      .split(",")
      .map((pair) => pair.trim().split("=")[0]),
  );
  return subgraphList
    .filter(({ name }) => !overridden.has(name))
    .map(({ name }) => ({ variable: `composed routing URL of ${name}`, url: subgraphUrl(name) }));
}

interface Overlay {
  objects: K8sObject[];
  /** The value a secret holds, or "" where the overlay leaves it to the operator. */
  secret(ref: { name: string; key: string }): string;
  config: Env;
}

function topology(overlay: Overlay): { pods: Peer[]; calls: Call[] } {
  const { objects } = overlay;
  const pods = podsOf(objects);
  const calls: Call[] = [];
  const call = (from: string, url: string, why: string) => {
    const { pod, port } = resolveUrl(objects, pods, url, why);
    calls.push({ from, to: pod.name, port, why });
  };

  for (const [name, spec] of Object.entries(services)) {
    const env = manifestEnv(name, {
      secret: (_variable, ref) => overlay.secret(ref),
      config: overlay.config,
      objects,
    });
    const resolved = parseEnv(spec.shape, env) as Record<string, unknown>;
    const urls = [...urlsIn(resolved), ...(name === "router" ? routerSubgraphUrls(resolved) : [])];
    for (const { variable, url } of urls) call(name, url, `${name} ${variable}`);
  }

  const ingress = objects.find((o) => o.kind === "Ingress")!;
  const routes = (
    ingress.spec!.rules as {
      host: string;
      http: { paths: { backend: { service: { name: string; port: { name?: string; number?: number } } } }[] };
    }[]
  ).flatMap((rule) => rule.http.paths);
  for (const { backend } of routes) {
    const service = objects.find((o) => o.kind === "Service" && o.metadata.name === backend.service.name)!;
    const port =
      backend.service.port.number ??
      servicePorts(service).find((p) => p.name === backend.service.port.name)!.port;
    call(
      ingressController.name,
      `http://${backend.service.name}:${port}`,
      `Ingress to ${backend.service.name}`,
    );
  }

  const nginx = readFileSync(path.join(deployDir, "docker/nginx.conf"), "utf8");
  for (const [, url] of nginx.matchAll(/proxy_pass\s+(\S+?);/g)) call("web", url!, "the storefront's nginx");

  for (const pod of objects.filter((o) => o.kind === "Deployment" || o.kind === "StatefulSet")) {
    const annotations = templateOf(pod).metadata.annotations ?? {};
    if (annotations["prometheus.io/scrape"] === "true") {
      calls.push({
        from: prometheus.name,
        to: pod.metadata.name,
        port: Number(annotations["prometheus.io/port"]),
        why: "Prometheus scrape",
      });
    }
  }
  return { pods, calls };
}

const policiesOf = (objects: K8sObject[]) =>
  objects.filter((o) => o.kind === "NetworkPolicy") as unknown as NetworkPolicy[];

/** Every connection the policies allow to a pod of the namespace that no call needs, and every call they refuse. */
function compare(overlay: Overlay, targets: (pod: Peer, port: ContainerPort) => boolean = () => true) {
  const { pods, calls } = topology(overlay);
  const policies = policiesOf(overlay.objects);
  const expected = new Set(calls.map((c) => key(c.from, c.to, c.port)));
  const peers = [...pods, ingressController, prometheus, ...strangers];
  const unexpected: string[] = [];
  for (const to of pods) {
    for (const port of to.ports) {
      if (!targets(to, port)) continue;
      for (const from of peers) {
        const connection = key(from.name, to.name, port.containerPort);
        if (allowed(policies, from, to, port.containerPort) && !expected.has(connection))
          unexpected.push(connection);
      }
    }
  }
  const refused = calls
    .filter((c) => {
      const from = peers.find((p) => p.name === c.from)!;
      const to = pods.find((p) => p.name === c.to)!;
      return (
        targets(
          to,
          to.ports.find((p) => p.containerPort === c.port)!,
        ) && !allowed(policies, from, to, c.port)
      );
    })
    .map((c) => `${key(c.from, c.to, c.port)} (${c.why})`);
  return { unexpected, refused, calls, pods, policies, peers };
}

const devKustomization = readKustomization(k8s("overlays/dev"));
const devSecrets = new Map(
  (devKustomization.secretGenerator ?? []).map((g) => [g.name, literals(g.literals)] as const),
);
const overlays: Record<string, Overlay> = {
  base: { objects: objectsOf(k8s("base")), secret: () => "", config: sharedConfig },
  production: { objects: objectsOf(k8s("overlays/production")), secret: () => "", config: sharedConfig },
  // The dev overlay runs its own PostgreSQL, RabbitMQ and Redis, reached through its Secrets.
  dev: {
    objects: objectsOf(k8s("overlays/dev")),
    secret: (ref) => devSecrets.get(ref.name)?.[ref.key] ?? "",
    config: {
      ...sharedConfig,
      ...literals(devKustomization.configMapGenerator?.find((g) => g.name === "storefront-config")?.literals),
    },
  },
};

const subgraphs = Object.keys(services).filter((name) => name !== "router");

describe("NetworkPolicies", () => {
  const base = overlays.base!;

  it("the topology read from the services' configuration holds the calls the code makes", () => {
    const { calls } = topology(base);
    const called = new Set(calls.map((c) => key(c.from, c.to, c.port)));
    const graphql = (name: string) => services[name]!.port;
    const needed = [
      ["cart", "catalogue"], // current prices
      ["orders", "catalogue"], // stock
      ["orders", "cart"], // checkout cart
      ["orders", "payments"], // charge
      ["orders", "shipping"], // quote
      ["orders", "users"], // saved addresses
      // Every process that verifies tokens reads users' JWKS.
      ...[...subgraphs.filter((s) => s !== "users"), "router"].map((s) => [s, "users"]),
      ...subgraphs.map((s) => ["router", s]),
      [ingressController.name, "router"],
      ["web", "router"],
    ];
    for (const [from, to] of needed)
      expect(called, `${from} -> ${to}`).toContain(key(from!, to!, graphql(to!)));
    expect(called).toContain(key(ingressController.name, "web", 3000));
  });

  it("refuses ingress to any pod it does not name (default deny)", () => {
    const policies = policiesOf(base.objects);
    expect(
      policies.some(
        (p) =>
          Object.keys(p.spec.podSelector).length === 0 &&
          (p.spec.policyTypes ?? []).includes("Ingress") &&
          !p.spec.ingress?.length,
      ),
    ).toBe(true);
    const newcomer: Peer = {
      name: "a service added later",
      namespace,
      labels: { "app.kubernetes.io/name": "newcomer", "app.kubernetes.io/part-of": "storefront" },
      ports: [{ name: "http", containerPort: 8080 }],
    };
    const peers = [...podsOf(base.objects), ingressController, prometheus, ...strangers];
    expect(peers.filter((from) => allowed(policies, from, newcomer, 8080)).map((p) => p.name)).toEqual([]);
  });

  for (const [name, overlay] of Object.entries(overlays)) {
    describe(name, () => {
      it("allows every call the services' configuration, the Ingress, nginx and the scrape config make", () => {
        expect(compare(overlay).refused).toEqual([]);
      });

      it("lets nothing but its callers reach a subgraph's GraphQL port", () => {
        const { unexpected } = compare(
          overlay,
          (pod, port) => subgraphs.includes(pod.name) && port.name === "http",
        );
        expect(unexpected).toEqual([]);
      });

      it("opens metrics ports to the monitoring namespace only", () => {
        const { unexpected, calls } = compare(overlay, (_pod, port) => port.name === "metrics");
        expect(unexpected).toEqual([]);
        const scraped = calls.filter((c) => c.from === prometheus.name);
        expect(scraped.map((c) => c.to).sort()).toEqual(Object.keys(services).sort());
      });

      it("lets the ingress controller reach the router and the storefront, and nothing else reach them", () => {
        const { unexpected } = compare(overlay, (pod) => pod.name === "router" || pod.name === "web");
        expect(unexpected).toEqual([]);
      });

      it("allows no connection to any pod of the namespace that no call needs", () => {
        expect(compare(overlay).unexpected).toEqual([]);
      });

      it("admits only peers the topology knows, and selects only pods that exist", () => {
        const { pods, peers, policies } = compare(overlay);
        for (const policy of policies) {
          if (Object.keys(policy.spec.podSelector).length > 0)
            expect(
              pods.some((pod) => selects(policy.spec.podSelector, pod.labels)),
              `${policy.metadata.name} selects no pod`,
            ).toBe(true);
          for (const rule of policy.spec.ingress ?? []) {
            expect(rule.from?.length, `${policy.metadata.name}: a rule open to everyone`).toBeGreaterThan(0);
            for (const peer of rule.from ?? [])
              expect(
                peers.some((p) => admits(peer, p)),
                `${policy.metadata.name} admits ${JSON.stringify(peer)}`,
              ).toBe(true);
          }
        }
      });
    });
  }

  it("the dev overlay's PostgreSQL, RabbitMQ and Redis are called by the services whose Secrets point at them", () => {
    const { calls } = compare(overlays.dev!);
    const backing = (to: string) =>
      calls
        .filter((c) => c.to === to)
        .map((c) => c.from)
        .sort();
    expect(backing("postgres")).toEqual([...subgraphs].sort());
    expect(backing("rabbitmq")).toEqual(["orders", "shipping"]);
    expect(backing("redis")).toEqual(["router"]);
  });
});
