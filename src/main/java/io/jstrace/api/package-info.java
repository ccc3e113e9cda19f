/**
 * Tracing from Java: {@link io.jstrace.api.JsTrace} starts or attaches, filters and decodes as
 * the jstrace command does, and delivers {@link io.jstrace.model.Event}s to a callback
 * ({@code run}) or through a {@link io.jstrace.api.TraceStream} read on any thread.
 */
package io.jstrace.api;
