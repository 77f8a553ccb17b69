package com.rollercoach.gui.sound;

/**
 * A short synthesized note: a sine at {@code hz} for {@code ms}, with a raised-cosine attack and
 * release so it starts and stops without a click, and a gentle exponential decay so it sounds like a
 * soft bell rather than a buzzer.
 */
public record Tone(double hz, int ms, double volume) {
  /** 5 ms edges: shorter clicks, longer blurs a 40 ms tick. */
  private static final double EDGE_S = 0.005;

  /** 16-bit signed little-endian mono PCM at {@code sampleRate}. */
  public byte[] pcm(float sampleRate) {
    int n = (int) (sampleRate * ms / 1000.0);
    int edge = Math.max(1, (int) (sampleRate * EDGE_S));
    byte[] out = new byte[2 * n];
    double decayPerS = 3.0 / Math.max(0.05, ms / 1000.0);
    for (int i = 0; i < n; i++) {
      double t = i / (double) sampleRate;
      double env = Math.exp(-decayPerS * t / 2);
      if (i < edge) {
        env *= 0.5 - 0.5 * Math.cos(Math.PI * i / edge);
      } else if (i >= n - edge) {
        env *= 0.5 - 0.5 * Math.cos(Math.PI * (n - 1 - i) / edge);
      }
      int v = (int) Math.round(Short.MAX_VALUE * volume * env * Math.sin(2 * Math.PI * hz * t));
      out[2 * i] = (byte) v;
      out[2 * i + 1] = (byte) (v >> 8);
    }
    return out;
  }

  /** Silence of {@code ms}, between the notes of a chime. */
  public static Tone rest(int ms) {
    return new Tone(0, ms, 0);
  }
}
