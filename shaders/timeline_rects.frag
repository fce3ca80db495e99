#version 300 es
// Timeline slices: a flat colour with a slight top-to-bottom shade so bars read as solid
// objects, optional dark edges that separate neighbours of one colour, and diagonal hatching
// for what is not a plain slice (merged runs of many tiny slices, waiting stretches).
precision highp float;
in vec4 v_color;
in vec2 v_local;
in vec2 v_size;
flat in uint v_style;
out vec4 frag_color;

const uint kHatched = 1u;
const uint kEdges = 2u;
const uint kShaded = 4u;

void main() {
    vec4 c = v_color;
    if ((v_style & kShaded) != 0u)
        c.rgb *= 1.08 - 0.16 * (v_local.y / max(v_size.y, 1.0));
    if ((v_style & kHatched) != 0u) {
        // 45-degree stripes on the screen's pixel grid: crisp at any zoom and any size.
        float stripe = mod(gl_FragCoord.x + gl_FragCoord.y, 6.0);
        c.rgb *= stripe < 2.0 ? 0.62 : 1.0;
    }
    if ((v_style & kEdges) != 0u && v_size.x >= 4.0) {
        float edge = min(v_local.x, v_size.x - v_local.x);
        if (edge < 1.0)
            c.rgb *= 0.55;
    }
    frag_color = c;
}
