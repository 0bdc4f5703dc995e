import { describe, it, expect } from 'vitest';
import { DeviceRegistry, StaleVersionError, TransitionError, nextState, type ProvisioningEvent } from './provisioning-machine.ts';

function applyAll(registry: DeviceRegistry, deviceId: string, events: ProvisioningEvent[]) {
  for (const event of events) registry.apply(deviceId, event, registry.get(deviceId).version);
  return registry.get(deviceId);
}

describe('provisioning state machine', () => {
  it('walks the happy path from new to active', () => {
    const registry = new DeviceRegistry();
    const record = applyAll(registry, 'tv-1', ['start', 'registered', 'code_entered', 'activated']);
    expect(record).toEqual({ state: 'active', version: 4, attempts: 1 });
  });

  it('starts unknown devices in the new state', () => {
    expect(new DeviceRegistry().get('never-seen')).toEqual({ state: 'new', version: 0, attempts: 0 });
  });

  it('rejects events that are not allowed in the current state', () => {
    expect(() => nextState('new', 'activated')).toThrow(TransitionError);
    expect(() => nextState('revoked', 'retry')).toThrow(TransitionError);
    const registry = new DeviceRegistry();
    applyAll(registry, 'tv-1', ['start', 'registered', 'code_entered', 'activated', 'revoke']);
    expect(() => registry.apply('tv-1', 'activated', 5)).toThrow(TransitionError);
    expect(registry.get('tv-1').state).toBe('revoked');
  });

  it('lets a failed registration retry, up to the attempt limit', () => {
    const registry = new DeviceRegistry(2);
    const record = applyAll(registry, 'tv-1', ['start', 'error', 'retry', 'error']);
    expect(record).toEqual({ state: 'failed', version: 4, attempts: 2 });
    expect(() => registry.apply('tv-1', 'retry', 4)).toThrow(/registration attempts/);
    expect(registry.get('tv-1').state).toBe('failed');
    expect(registry.apply('tv-1', 'revoke', 4).state).toBe('revoked');
  });

  it('applies only the first of two concurrent updates made from the same read', () => {
    const registry = new DeviceRegistry();
    applyAll(registry, 'tv-1', ['start', 'registered']);
    const seen = registry.get('tv-1').version;
    registry.apply('tv-1', 'code_entered', seen);
    expect(() => registry.apply('tv-1', 'error', seen)).toThrow(StaleVersionError);
    expect(registry.get('tv-1')).toEqual({ state: 'activating', version: 3, attempts: 1 });
  });

  it('keeps devices independent', () => {
    const registry = new DeviceRegistry();
    applyAll(registry, 'tv-1', ['start']);
    expect(registry.get('tv-2').state).toBe('new');
  });
});
