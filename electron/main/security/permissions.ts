/**
 * Stepwise needs no camera, microphone, location, notifications, clipboard-read, MIDI, HID…:
 * every permission request and check is refused.
 */
export function permissionRequestHandler(_wc: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function permissionCheckHandler(): boolean {
  return false;
}

/** Device choosers (USB, serial, HID, Bluetooth) are refused as well. */
export function deviceRequestHandler(): boolean {
  return false;
}
