import { b as getRxStorageDexie, t as createTillDatabase, wt as Dexie } from "./database-BvAQ1H-J.js";
// renderer/src/bench/storage-bench.ts
/**
* A page for `npm run bench` only: writes the same product documents through the till's own bulk
* write path (RxDB on Dexie, as replication does) and straight into a plain Dexie table, in the same
* page, so the ratio is the till's storage overhead. Not part of the till.
*/
var BATCH = 1e3;
function products(count, seed) {
	return Array.from({ length: count }, (_, index) => ({
		id: `${seed}-${String(index).padStart(6, "0")}`,
		sku: `BEN-${String(index).padStart(6, "0")}`,
		name: `Benchmark product ${index} ${seed}`,
		barcodes: [String(41e11 + index)],
		unit: "piece",
		taxClass: "standard",
		price: "2.49",
		cost: "1.20",
		active: true,
		updatedAt: "2026-11-27T00:00:00.000Z"
	}));
}
async function storageOverhead(count) {
	const documents = products(count, "storage");
	const till = await createTillDatabase({
		name: `bench-storage-${Date.now()}`,
		storage: getRxStorageDexie()
	});
	const tillStart = performance.now();
	for (let start = 0; start < documents.length; start += BATCH) await till.products.bulkUpsert(documents.slice(start, start + BATCH));
	const tillMs = performance.now() - tillStart;
	await till.remove();
	const raw = new Dexie(`bench-raw-${Date.now()}`);
	raw.version(1).stores({ docs: "id" });
	const rawStart = performance.now();
	for (let start = 0; start < documents.length; start += BATCH) await raw.table("docs").bulkPut(documents.slice(start, start + BATCH));
	const rawMs = performance.now() - rawStart;
	raw.close();
	await Dexie.delete(raw.name);
	return {
		count,
		tillMs,
		rawMs,
		ratio: tillMs / rawMs
	};
}
window.kassaStorageBench = storageOverhead;
document.body.dataset.ready = "true";

//# sourceMappingURL=storageBench-vnfBE-En.js.map