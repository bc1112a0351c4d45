// Validates Kubernetes manifests (multi-document YAML files named on the command line) against
// the Kubernetes API's OpenAPI schemas, as compiled into validators by the npm package
// kubernetes-models (pinned in package.json / package-lock.json). Called by validate.sh.
//
// Per document:
//  1. its apiVersion/kind must be one the schemas know (anything else is an error, never skipped);
//  2. the schema: types, required fields, formats (quantities, int32, ...);
//  3. strict mode: a field the schema does not define is an error (a typo such as `replicaz` or
//     `readinessprobe`, which the API server would drop or refuse). The schemas do not forbid
//     extra fields themselves, so each object is wrapped in a Proxy that records which property
//     names the validator looked up: an object whose schema lists properties has all of them
//     looked up, and any other key it holds is unknown. Objects the validator enumerates (maps
//     such as labels, data, resources.limits) and objects it never looks into (free-form JSON)
//     are not checked for extra keys.
//  4. a few cross-checks the schemas cannot express and the API server or the kubelet would
//     refuse later: a workload's selector matches its pod labels; every ConfigMap and Secret a pod
//     refers to is among the files given (optional references excepted); the HPA targets a
//     Deployment that is there; Service, PodDisruptionBudget and NetworkPolicy selectors match
//     some pod; the Secret templates hold placeholders only.
// Not checked: what only the API server knows (an int-or-string such as maxUnavailable: "one"
// passes the schema; admission policies; whether names are unique in the namespace).
// Exit status 1 with one line per problem, 0 when every document passes.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const KINDS = {
  "v1/ConfigMap": "kubernetes-models/v1/ConfigMap",
  "v1/Secret": "kubernetes-models/v1/Secret",
  "v1/Service": "kubernetes-models/v1/Service",
  "v1/ServiceAccount": "kubernetes-models/v1/ServiceAccount",
  "v1/Namespace": "kubernetes-models/v1/Namespace",
  "apps/v1/Deployment": "kubernetes-models/apps/v1/Deployment",
  "batch/v1/Job": "kubernetes-models/batch/v1/Job",
  "autoscaling/v2/HorizontalPodAutoscaler": "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler",
  "policy/v1/PodDisruptionBudget": "kubernetes-models/policy/v1/PodDisruptionBudget",
  "networking.k8s.io/v1/NetworkPolicy": "kubernetes-models/networking.k8s.io/v1/NetworkPolicy",
};

const problems = [];
const docs = [];

for (const file of process.argv.slice(2)) {
  const parsed = parseAllDocuments(readFileSync(file, "utf8"), { uniqueKeys: true });
  for (const [i, d] of parsed.entries()) {
    const where = `${file} (document ${i + 1})`;
    if (d.errors.length) {
      for (const e of d.errors) problems.push(`${where}: YAML: ${e.message.split("\n")[0]}`);
      continue;
    }
    const obj = d.toJS();
    if (obj === null || obj === undefined) continue;
    docs.push({ where, obj });
  }
}

// Wraps every object of the tree in a Proxy that records what the validator did with it.
function track(value, path, nodes) {
  if (Array.isArray(value)) return value.map((v, i) => track(v, `${path}[${i}]`, nodes));
  if (value === null || typeof value !== "object") return value;
  const target = {};
  for (const [k, v] of Object.entries(value)) target[k] = track(v, `${path}.${k}`, nodes);
  const node = { path, target, looked: new Set(), enumerated: false };
  nodes.push(node);
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === "string") node.looked.add(key);
      return Reflect.get(t, key, receiver);
    },
    has(t, key) {
      if (typeof key === "string") node.looked.add(key);
      return Reflect.has(t, key);
    },
    ownKeys(t) {
      node.enumerated = true;
      return Reflect.ownKeys(t);
    },
  });
}

for (const { where, obj } of docs) {
  const name = `${obj.kind ?? "?"}/${obj.metadata?.name ?? "?"}`;
  const key = `${obj.apiVersion}/${obj.kind}`;
  const modulePath = KINDS[key];
  if (!modulePath) {
    problems.push(`${where} ${name}: apiVersion/kind ${key} is not one this validator knows`);
    continue;
  }
  const Model = Object.values(await import(modulePath)).find((m) => m?.kind === obj.kind);
  const nodes = [];
  const tracked = track(obj, "", nodes);
  try {
    Model.prototype.validate.call(tracked);
  } catch (e) {
    const details = e.errors?.map((x) => `${x.instancePath || "/"} ${x.message}`) ?? [e.message];
    for (const msg of new Set(details)) problems.push(`${where} ${name}: ${msg}`);
  }
  for (const n of nodes) {
    if (n.enumerated || n.looked.size === 0) continue;
    for (const k of Object.keys(n.target)) {
      if (!n.looked.has(k)) problems.push(`${where} ${name}: unknown field ${n.path || "."}${n.path ? "." : ""}${k}`);
    }
  }
}

// Cross-checks.
const byKind = (kind) => docs.filter((d) => d.obj.kind === kind).map((d) => d.obj);
const has = (kind, n) => byKind(kind).some((o) => o.metadata?.name === n);
const matches = (selector, labels) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
const podTemplates = [...byKind("Deployment"), ...byKind("Job")].map((w) => ({ w, t: w.spec?.template }));
for (const { w, t } of podTemplates) {
  const sel = w.spec?.selector?.matchLabels;
  if (w.kind === "Deployment" && !matches(sel, t?.metadata?.labels)) {
    problems.push(`${w.kind}/${w.metadata.name}: spec.selector does not match the pod template's labels`);
  }
  const refs = [];
  for (const c of [...(t?.spec?.containers ?? []), ...(t?.spec?.initContainers ?? [])]) {
    for (const e of c.envFrom ?? []) {
      if (e.configMapRef) refs.push(["ConfigMap", e.configMapRef.name, e.configMapRef.optional]);
      if (e.secretRef) refs.push(["Secret", e.secretRef.name, e.secretRef.optional]);
    }
    for (const e of c.env ?? []) {
      const f = e.valueFrom ?? {};
      if (f.configMapKeyRef) refs.push(["ConfigMap", f.configMapKeyRef.name, f.configMapKeyRef.optional]);
      if (f.secretKeyRef) refs.push(["Secret", f.secretKeyRef.name, f.secretKeyRef.optional]);
    }
  }
  for (const v of t?.spec?.volumes ?? []) {
    if (v.secret) refs.push(["Secret", v.secret.secretName, v.secret.optional]);
    if (v.configMap) refs.push(["ConfigMap", v.configMap.name, v.configMap.optional]);
  }
  for (const [kind, n, optional] of refs) {
    if (!optional && !has(kind, n)) problems.push(`${w.kind}/${w.metadata.name}: refers to ${kind} ${n}, which is not among the manifests`);
  }
  const sa = t?.spec?.serviceAccountName;
  if (sa && !has("ServiceAccount", sa)) problems.push(`${w.kind}/${w.metadata.name}: service account ${sa} is not among the manifests`);
}
for (const hpa of byKind("HorizontalPodAutoscaler")) {
  const ref = hpa.spec?.scaleTargetRef;
  if (!has(ref?.kind, ref?.name)) problems.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: target ${ref?.kind}/${ref?.name} is not among the manifests`);
}
const podLabels = podTemplates.map(({ t }) => t?.metadata?.labels ?? {});
for (const o of [...byKind("Service"), ...byKind("PodDisruptionBudget"), ...byKind("NetworkPolicy")]) {
  const sel = o.kind === "Service" ? o.spec?.selector : (o.kind === "NetworkPolicy" ? o.spec?.podSelector : o.spec?.selector)?.matchLabels;
  if (!podLabels.some((l) => matches(sel, l))) problems.push(`${o.kind}/${o.metadata.name}: its selector matches no pod template`);
}

// The Secret templates (deploy/k8s/secrets) hold placeholders only: every value but a user name
// must say REPLACE, so that a real key or password pasted into a template fails here.
for (const { where, obj } of docs) {
  if (obj.kind !== "Secret" || !/(^|\/)secrets\//.test(where)) continue;
  for (const [k, v] of Object.entries(obj.stringData ?? {})) {
    if (k !== "username" && !String(v).includes("REPLACE")) problems.push(`${where} Secret/${obj.metadata?.name}: ${k} is not a REPLACE placeholder (templates never hold real values)`);
  }
  if (obj.data) problems.push(`${where} Secret/${obj.metadata?.name}: a template uses stringData with placeholders, not data`);
}

for (const p of problems) console.error(`INVALID ${p}`);
console.log(`${docs.length} documents, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
