import { runBench } from './bench.ts';
console.log(JSON.stringify(runBench({ objects: 1000000, profiles: 10000, budgetSeconds: 120 })));
