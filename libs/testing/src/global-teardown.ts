import { killLeftoverServices } from './test-run-pids';

/** Jest global teardown: no service process outlives the test run, whatever a test left behind. */
export default function globalTeardown(): void {
  killLeftoverServices();
}
