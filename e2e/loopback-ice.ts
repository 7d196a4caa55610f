/**
 * Test-only page script (context.addInitScript) for the SFU suites: keeps every ICE candidate on
 * 127.0.0.1 and the camera small.
 *
 * Janus gathers only 127.0.0.1 (test/janus.ts); Chromium would also offer the machine's other
 * addresses. Here a page neither announces nor accepts a candidate that is not on 127.0.0.1, so
 * every media path, mesh or SFU, runs over loopback. (Chromium's
 * --webrtc-ip-handling-policy=default_public_interface_only would hide its host candidates too, but
 * then two pages of the mesh have no candidate at all and cannot connect.)
 *
 * The camera is asked for at 320x180, 10 frames per second: enough to see frames advance, light
 * for a 2-core machine running a dozen pages. loopbackIceScript(null) leaves the app's own camera
 * request alone (a test of what a real camera's size gives).
 */
export const LOOPBACK_ICE_SCRIPT = loopbackIceScript({ width: 320, height: 180, frameRate: 10 });

export function loopbackIceScript(camera: { width: number; height: number; frameRate: number } | null): string {
  return `(() => {
  const camera = ${JSON.stringify(camera)};
  const loop = (line) => / 127\\.0\\.0\\.1 /.test(line);
  const Native = window.RTCPeerConnection;
  const add = Native.prototype.addIceCandidate;
  Native.prototype.addIceCandidate = function (c, ...rest) {
    if (c && c.candidate && !loop(c.candidate)) return Promise.resolve();
    return add.call(this, c, ...rest);
  };
  const setRemote = Native.prototype.setRemoteDescription;
  Native.prototype.setRemoteDescription = function (d, ...rest) {
    if (d && d.sdp) {
      const sdp = d.sdp.split('\\r\\n').filter((l) => !l.startsWith('a=candidate:') || loop(l)).join('\\r\\n');
      d = { type: d.type, sdp };
    }
    return setRemote.call(this, d, ...rest);
  };
  class LoopbackPeerConnection extends Native {
    constructor(...args) {
      super(...args);
      // Registered first, so it runs before any onicecandidate handler and can hide the event from it.
      this.addEventListener('icecandidate', (e) => {
        if (e.candidate && e.candidate.candidate && !loop(e.candidate.candidate)) e.stopImmediatePropagation();
      });
    }
  }
  window.RTCPeerConnection = LoopbackPeerConnection;
  const md = navigator.mediaDevices;
  if (camera && md && md.getUserMedia) {
    const gum = md.getUserMedia.bind(md);
    md.getUserMedia = (c) =>
      gum(c && c.video ? { ...c, video: { ...(typeof c.video === 'object' ? c.video : {}), ...camera } } : c);
  }
})();`;
}
