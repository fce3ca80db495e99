#version 300 es
precision mediump float;
// The canvas background: a quiet grid, so empty space reads as "the lab bench" rather than a
// blank (or broken) canvas. Spacing is in framebuffer pixels, already scaled for hi-DPI.
uniform vec4 u_base;       // background colour
uniform vec4 u_line;       // colour of the minor grid lines
uniform vec4 u_major;      // colour of every fifth line
uniform float u_spacing;   // distance between minor lines, in pixels
out vec4 frag_color;

float on_line(vec2 p, float spacing) {
    vec2 d = abs(mod(p + 0.5 * spacing, spacing) - 0.5 * spacing);
    return step(min(d.x, d.y), 0.5);
}

void main() {
    vec2 p = gl_FragCoord.xy;
    float minor = on_line(p, u_spacing);
    float major = on_line(p, u_spacing * 5.0);
    vec4 c = mix(u_base, u_line, minor);
    frag_color = mix(c, u_major, major);
}
