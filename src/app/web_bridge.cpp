#include "app/web_bridge.h"

#include <emscripten.h>

#include <cstdlib>
#include <string>

// The page side of each call (JavaScript), at file scope as EM_JS requires.
EM_JS(double, tl_canvas_css_width, (), { return Module.canvas.getBoundingClientRect().width; });
EM_JS(double, tl_canvas_css_height, (), { return Module.canvas.getBoundingClientRect().height; });
EM_JS(double, tl_device_pixel_ratio, (), { return window.devicePixelRatio || 1; });
EM_JS(int, tl_pointer_is_coarse, (), { return window.matchMedia('(pointer: coarse)').matches ? 1 : 0; });
EM_JS(void, tl_set_canvas_buffer_size, (int width, int height), {
    Module.canvas.width = width;
    Module.canvas.height = height;
});
EM_JS(void, tl_notify_first_frame, (), {
    if (window.threadlabShell) window.threadlabShell.firstFrame();
});
// The browser may refuse (no permission, page not focused): the last copy's outcome is kept.
EM_JS(void, tl_copy_to_clipboard, (const char* text), {
    const value = UTF8ToString(text);
    const shell = window.threadlabShell;
    shell.copyRefused = !navigator.clipboard;
    if (navigator.clipboard)
        navigator.clipboard.writeText(value).catch(function() { shell.copyRefused = true; });
});
EM_JS(int, tl_copy_refused, (), { return window.threadlabShell.copyRefused ? 1 : 0; });
EM_JS(int, tl_take_link_change, (), {
    const shell = window.threadlabShell;
    const changed = shell && shell.linkChanged;
    if (changed) shell.linkChanged = false;
    return changed ? 1 : 0;
});
EM_JS(int, tl_page_url_bytes, (), { return lengthBytesUTF8(window.location.href) + 1; });
EM_JS(void, tl_copy_page_url, (char* out, int size), { stringToUTF8(window.location.href, out, size); });
EM_JS(void, tl_push_page_link, (const char* fragment), {
    history.pushState(null, "", "#" + UTF8ToString(fragment));
});
EM_JS(char*, tl_load_draft, (const char* lesson), {
    let text = null;
    try { text = window.localStorage.getItem("threadlab.draft." + UTF8ToString(lesson)); } catch (e) {}
    if (text === null) return 0;
    const size = lengthBytesUTF8(text) + 1;
    const out = _malloc(size);
    stringToUTF8(text, out, size);
    return out;
});
EM_JS(void, tl_save_draft, (const char* lesson, const char* text), {
    try { window.localStorage.setItem("threadlab.draft." + UTF8ToString(lesson), UTF8ToString(text)); } catch (e) {}
});
EM_JS(void, tl_forget_draft, (const char* lesson), {
    try { window.localStorage.removeItem("threadlab.draft." + UTF8ToString(lesson)); } catch (e) {}
});
// A copy of the bytes: a Blob cannot be made over the module's shared memory.
EM_JS(void, tl_download_file, (const char* filename, const char* mime_type, const char* bytes, int size), {
    const blob = new Blob([HEAPU8.slice(bytes, bytes + size)], { type: UTF8ToString(mime_type) });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = UTF8ToString(filename);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
});

namespace app {

std::string LoadDraft(const std::string& lesson) {
    char* text = tl_load_draft(lesson.c_str());
    if (!text)
        return {};
    std::string out(text);
    free(text);
    return out;
}
void SaveDraft(const std::string& lesson, const std::string& text) { tl_save_draft(lesson.c_str(), text.c_str()); }
void ForgetDraft(const std::string& lesson) { tl_forget_draft(lesson.c_str()); }

double CanvasCssWidth() { return tl_canvas_css_width(); }
double CanvasCssHeight() { return tl_canvas_css_height(); }
double DevicePixelRatio() { return tl_device_pixel_ratio(); }
bool PrimaryPointerIsCoarse() { return tl_pointer_is_coarse() != 0; }
void SetCanvasBufferSize(int width, int height) { tl_set_canvas_buffer_size(width, height); }
void NotifyFirstFrame() { tl_notify_first_frame(); }

namespace {
std::string g_clipboard; // UI thread only
}

const char* ClipboardText() { return g_clipboard.c_str(); }
void SetClipboardFromPage(const char* text) { g_clipboard = text; }
void CopyToPageClipboard(const char* text) {
    g_clipboard = text;
    tl_copy_to_clipboard(text);
}
bool LastCopyRefused() { return tl_copy_refused() != 0; }

bool TakePageLinkChange() { return tl_take_link_change() != 0; }

std::string PageUrl() {
    std::string url((size_t)tl_page_url_bytes(), '\0');
    tl_copy_page_url(url.data(), (int)url.size());
    url.pop_back(); // the terminating zero
    return url;
}

void DownloadFile(const char* filename, const char* mime_type, const std::string& bytes) {
    tl_download_file(filename, mime_type, bytes.data(), (int)bytes.size());
}

std::string PushPageLink(const std::string& fragment) {
    tl_push_page_link(fragment.c_str());
    return PageUrl();
}

} // namespace app
