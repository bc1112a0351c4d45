// Prints the environment a workload's first container gets from the rendered manifests, one
// NAME=VALUE a line, for migrate-check.sh: literal `value:`s as they are, and each Secret
// reference as @secret/<name>/<key> (the check maps those to local credentials). ConfigMap
// values (addresses of the cluster's database and store) are left out: the check sets its own.
// Usage: node pod-env.mjs rendered.yaml Deployment|Job NAME
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const [file, kind, name] = process.argv.slice(2);
const obj = parseAllDocuments(readFileSync(file, "utf8"))
  .map((d) => d.toJS())
  .find((o) => o?.kind === kind && o?.metadata?.name === name);
if (!obj) {
  console.error(`${kind}/${name} is not in ${file}`);
  process.exit(1);
}
for (const e of obj.spec.template.spec.containers[0].env ?? []) {
  if (e.value !== undefined) console.log(`${e.name}=${e.value}`);
  const s = e.valueFrom?.secretKeyRef;
  if (s) console.log(`${e.name}=@secret/${s.name}/${s.key}`);
}
