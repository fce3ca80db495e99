// The thin glue between the app and the page (web/index.html). Everything the page and the app
// tell each other passes through these few functions.
#pragma once
#include <string>

namespace app {

// Size of the canvas element in CSS pixels, and the device pixel ratio.
double CanvasCssWidth();
double CanvasCssHeight();
double DevicePixelRatio();
// Whether the page's main pointer is a finger (CSS pointer: coarse), as on phones and tablets.
bool PrimaryPointerIsCoarse();
// Set the canvas's drawing-buffer size in physical pixels. (Not glfwSetWindowSize: Emscripten's
// GLFW turns a size equal to the screen's into a fullscreen and pointer-lock request.)
void SetCanvasBufferSize(int width, int height);
// Tell the page the first frame is on screen, so it hides the loading indicator.
void NotifyFirstFrame();

// Copy and paste with the browser's clipboard. Emscripten's GLFW keeps a clipboard of its own
// that the page cannot reach, so ImGui gets ours: the page's paste events fill it (see
// threadlab_paste in main.cpp) and copies go to navigator.clipboard.
const char* ClipboardText();
void SetClipboardFromPage(const char* text);
void CopyToPageClipboard(const char* text);
// Whether the browser refused the last CopyToPageClipboard (it answers a moment after the copy).
bool LastCopyRefused();

// The page's URL carries the lab's permalink in its fragment (config/permalink.h).
// True once when the page opens and again after each back/forward or hand-edited fragment.
bool TakePageLinkChange();
std::string PageUrl();
// Puts `fragment` (without '#') in the URL as a new history entry, so back/forward moves
// between shared states; returns the whole URL.
std::string PushPageLink(const std::string& fragment);

// The browser's localStorage, per lesson: the program as the user last edited it. Storage that
// is full or refused (a private window) keeps nothing, silently: the lab works on without it.
std::string LoadDraft(const std::string& lesson);
void SaveDraft(const std::string& lesson, const std::string& text);
void ForgetDraft(const std::string& lesson);

// Hands `bytes` to the browser as a file to save (its downloads, or the share sheet on a phone).
void DownloadFile(const char* filename, const char* mime_type, const std::string& bytes);

} // namespace app
