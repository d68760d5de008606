/** What every platform adapter returns once started, so the composition root can stop them all. */
export interface RunningAdapter {
  readonly name: string;
  stop(): Promise<void>;
}
