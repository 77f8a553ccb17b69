package com.rollercoach.core.detect;

/**
 * Counts rolls: "roll up and down 10–20 times" counts up-and-down pairs of passes. Passes are paired
 * greedily in order, a pair being two consecutive passes in opposite directions; a pass that cannot
 * pair with its predecessor (two passes the same way, with a short sub-5 cm stroke between them)
 * starts a new pair.
 */
final class RollCounter {
  private static final int UNDO_DEPTH = 64;
  private int rolls;
  private int pendingDirection;
  /** States before the latest adds, newest last, so withdrawn passes can be taken back. */
  private final java.util.ArrayDeque<int[]> undo = new java.util.ArrayDeque<>();

  /** Takes back the latest {@link #add} (a pass withdrawn live) and returns the roll count. */
  int undoLast() {
    int[] s = undo.pollLast();
    if (s != null) {
      rolls = s[0];
      pendingDirection = s[1];
    }
    return rolls;
  }

  /** Adds a pass of direction ±1 and returns the roll count. */
  int add(int direction) {
    if (undo.size() == UNDO_DEPTH) undo.removeFirst();
    undo.addLast(new int[] {rolls, pendingDirection});
    if (pendingDirection != 0 && direction == -pendingDirection) {
      rolls++;
      pendingDirection = 0;
    } else {
      pendingDirection = direction;
    }
    return rolls;
  }

  int rolls() {
    return rolls;
  }
}
