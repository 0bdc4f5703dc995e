/**
 * Provisioning a new device as an explicit state machine. A table lists the events each state
 * accepts, so an event that arrives in the wrong state (a late "activated" after a revoke) is
 * rejected instead of silently corrupting the record. Every accepted event bumps a version, and a
 * caller must pass the version it last read: of two concurrent updates to one device, only the first
 * lands and the second gets a StaleVersionError to re-read and decide again (optimistic concurrency,
 * the check a database's conditional write performs). Registration is retried at most maxAttempts
 * times. Each operation is O(1); memory is O(devices).
 */
export type ProvisioningState = 'new' | 'registering' | 'awaiting_code' | 'activating' | 'active' | 'failed' | 'revoked';

export type ProvisioningEvent = 'start' | 'registered' | 'code_entered' | 'activated' | 'error' | 'retry' | 'revoke';

const TRANSITIONS: Readonly<Record<ProvisioningState, Partial<Record<ProvisioningEvent, ProvisioningState>>>> = {
  new: { start: 'registering' },
  registering: { registered: 'awaiting_code', error: 'failed' },
  awaiting_code: { code_entered: 'activating', error: 'failed' },
  activating: { activated: 'active', error: 'failed' },
  active: { revoke: 'revoked' },
  failed: { retry: 'registering', revoke: 'revoked' },
  revoked: {},
};

export class TransitionError extends Error {
  override name = 'TransitionError';
}

export class StaleVersionError extends Error {
  override name = 'StaleVersionError';
}

export interface DeviceRecord {
  readonly state: ProvisioningState;
  readonly version: number;
  readonly attempts: number;
}

export function nextState(state: ProvisioningState, event: ProvisioningEvent): ProvisioningState {
  const target = TRANSITIONS[state][event];
  if (target === undefined) throw new TransitionError(`"${event}" is not allowed in state "${state}"`);
  return target;
}

export class DeviceRegistry {
  readonly #devices = new Map<string, DeviceRecord>();
  readonly #maxAttempts: number;

  constructor(maxAttempts = 3) {
    this.#maxAttempts = maxAttempts;
  }

  get(deviceId: string): DeviceRecord {
    return this.#devices.get(deviceId) ?? { state: 'new', version: 0, attempts: 0 };
  }

  /** Applies `event` if `expectedVersion` is still current; returns the updated record. */
  apply(deviceId: string, event: ProvisioningEvent, expectedVersion: number): DeviceRecord {
    const current = this.get(deviceId);
    if (current.version !== expectedVersion) {
      throw new StaleVersionError(`${deviceId} is at version ${current.version}, not ${expectedVersion}`);
    }
    const state = nextState(current.state, event);
    const attempts = state === 'registering' ? current.attempts + 1 : current.attempts;
    if (attempts > this.#maxAttempts) {
      throw new TransitionError(`${deviceId} already used its ${this.#maxAttempts} registration attempts`);
    }
    const updated = { state, version: current.version + 1, attempts };
    this.#devices.set(deviceId, updated);
    return updated;
  }
}
