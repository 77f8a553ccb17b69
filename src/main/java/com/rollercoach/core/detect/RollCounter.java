package com.rollercoach.core.detect;

/**
 * Counts rolls: "roll up and down 10–20 times" counts up-and-down pairs of passes. Passes are paired
 * greedily in order, a pair being two consecutive passes in opposite directions; a pass that cannot
 * pair with its predecessor (two passes the same way, with a short sub-5 cm stroke between them)
 * starts a new pair.
 */
final class RollCounter {
  private int rolls;
  private int pendingDirection;

  /** Adds a pass of direction ±1 and returns the roll count. */
  int add(int direction) {
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
