/// <reference lib="webworker" />
import { runTask } from './engine.ts';
import { isWorkerRequest, type WorkerResponse } from './protocol.ts';

/** The engine worker: answers each well-formed request with its result; ignores anything else. */
self.onmessage = (event: MessageEvent<unknown>): void => {
  const request = event.data;
  if (!isWorkerRequest(request)) return;
  let response: WorkerResponse;
  try {
    response = { id: request.id, status: 'done', result: runTask(request.task) };
  } catch (error) {
    response = { id: request.id, status: 'crashed', message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
