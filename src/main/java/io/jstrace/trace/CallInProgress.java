package io.jstrace.trace;

import io.jstrace.model.StackFrame;

import java.util.List;

/**
 * A shown call between its entry and exit stops: what its entry decoded, when it entered, and
 * (-k) the stack taken at entry for a call that does not return to it (execve, exit).
 *
 * @param entrySystemNanos the thread group's system CPU time at entry (-c without -w)
 * @param entryStack       null unless taken at entry
 */
record CallInProgress(CallDecoding decoded, long entryNanos, long entrySystemNanos, List<StackFrame> entryStack) {}
