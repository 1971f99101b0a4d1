// A worker thread reading one part of a big CSV export (parallel.ts): its result, packed, is its only message.
import { parentPort, workerData } from 'node:worker_threads';
import './native';
import { packPart } from './part-message';
import { type PartSpec, readPartInWorker } from './stream';

const { message, transfer } = packPart(readPartInWorker(workerData as PartSpec));
parentPort?.postMessage(message, transfer);
