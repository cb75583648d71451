/**
 * A classic-script statement that calls the function `fn` (a name in scope, or a function
 * expression) in a task after the page's next animation frame, so after its first frame has
 * painted if it has not yet; at once in a hidden tab, which has no frames. Single quotes only, so
 * it can stand in a double-quoted HTML attribute (`onload="…"`) as well as in a `<script>`.
 */
export function afterFirstFrame(fn: string): string {
  return `document.visibilityState==='hidden'?(${fn})():requestAnimationFrame(function(){setTimeout(${fn})})`;
}
