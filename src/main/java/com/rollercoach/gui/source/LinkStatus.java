package com.rollercoach.gui.source;

/**
 * The state of the link to the samples, as the connection bar and the lost-connection banner show it.
 *
 * @param detail a short human description ("/dev/ttyUSB0 at 200 Hz", "no data for 2 s")
 * @param framesLost frames known missing so far (sequence gaps the decoder counted)
 */
public record LinkStatus(State state, String detail, long framesLost) {
  public enum State {
    CONNECTING,
    CONNECTED,
    /** The link dropped; the source is trying to reopen it. The session goes on, the gap is marked. */
    RECONNECTING,
    /** The source has no more samples (end of a replay, the user stopped). */
    ENDED,
    /** The source could not start or gave up; {@code detail} says why. */
    FAILED
  }

  public static LinkStatus connecting(String detail) {
    return new LinkStatus(State.CONNECTING, detail, 0);
  }

  public boolean live() {
    return state == State.CONNECTED || state == State.RECONNECTING || state == State.CONNECTING;
  }
}
