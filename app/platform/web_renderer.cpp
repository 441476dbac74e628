// Draws ImGui's draw lists with WebGL 2 (OpenGL ES 3.0), in place of Dear ImGui's OpenGL 3 backend.
//
// The app owns the only GL context on its canvas and nothing else draws into it, so there is no
// state to save and restore around a frame and no GL version to detect: one shader, one vertex
// array, one font texture. The font atlas is built by stb_truetype directly (ImFontAtlas::Build
// and the backend's GetTexDataAsRGBA32 would also link ImGui's built-in default font, ~10 KB gzip
// the app never shows) and uploaded as a one-channel texture: the shader reads it as coverage.
#include <GLES3/gl3.h>

#include <cstdint>

#include "imgui.h"
#include "imgui_internal.h"
#include "platform/web_internal.h"

namespace platform::web {
namespace {

struct Renderer {
    GLuint program = 0;
    GLint projection = -1;
    GLuint vao = 0;
    GLuint vertices = 0;
    GLuint indices = 0;
    GLuint font_texture = 0;
};
Renderer g_gl;

const char* const kVertexShader = R"(#version 300 es
uniform mat4 projection;
layout(location = 0) in vec2 position;
layout(location = 1) in vec2 uv;
layout(location = 2) in vec4 colour;
out vec2 frag_uv;
out vec4 frag_colour;
void main() {
    frag_uv = uv;
    frag_colour = colour;
    gl_Position = projection * vec4(position, 0.0, 1.0);
})";

// The atlas holds coverage only (white glyphs): the colour comes from the vertex.
const char* const kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D atlas;
in vec2 frag_uv;
in vec4 frag_colour;
layout(location = 0) out vec4 out_colour;
void main() {
    out_colour = vec4(frag_colour.rgb, frag_colour.a * texture(atlas, frag_uv).r);
})";

GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

}  // namespace

bool renderer_init() {
    const GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader);
    const GLuint fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    g_gl.program = glCreateProgram();
    glAttachShader(g_gl.program, vs);
    glAttachShader(g_gl.program, fs);
    glLinkProgram(g_gl.program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint linked = 0;
    glGetProgramiv(g_gl.program, GL_LINK_STATUS, &linked);
    if (!linked) return false;
    g_gl.projection = glGetUniformLocation(g_gl.program, "projection");
    glUseProgram(g_gl.program);
    glUniform1i(glGetUniformLocation(g_gl.program, "atlas"), 0);

    // The vertex array remembers the attribute layout and the index buffer.
    glGenVertexArrays(1, &g_gl.vao);
    glGenBuffers(1, &g_gl.vertices);
    glGenBuffers(1, &g_gl.indices);
    glBindVertexArray(g_gl.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g_gl.vertices);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_gl.indices);
    constexpr GLsizei stride = sizeof(ImDrawVert);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<void*>(offsetof(ImDrawVert, col)));

    // Fixed state for every frame: ImGui's colours blended by their alpha, no depth or culling. The
    // scissor test is switched on per frame, after the clear (render()).
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glActiveTexture(GL_TEXTURE0);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "crb_webgl2";
    return true;
}

void renderer_forget() { g_gl = Renderer{}; }

bool build_font_texture() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (atlas->ConfigData.empty() || !ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(atlas))
        return false;
    if (g_gl.font_texture) glDeleteTextures(1, &g_gl.font_texture);
    glGenTextures(1, &g_gl.font_texture);
    glBindTexture(GL_TEXTURE_2D, g_gl.font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas->TexWidth, atlas->TexHeight, 0, GL_RED, GL_UNSIGNED_BYTE,
                 atlas->TexPixelsAlpha8);
    atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g_gl.font_texture)));
    atlas->ClearTexData();  // the GPU has the pixels now
    return true;
}

void render(const ImDrawData* data, const ImVec4& background) {
    if (!data) return;
    const int fb_width = static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x);
    const int fb_height = static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y);
    if (fb_width <= 0 || fb_height <= 0) return;
    glDisable(GL_SCISSOR_TEST);  // the clear covers the whole canvas
    glViewport(0, 0, fb_width, fb_height);
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_SCISSOR_TEST);
    // Orthographic projection of ImGui's display rectangle onto clip space, y pointing down.
    const float l = data->DisplayPos.x, r = l + data->DisplaySize.x;
    const float t = data->DisplayPos.y, b = t + data->DisplaySize.y;
    // clang-format off
    const float projection[16] = {
        2.0f / (r - l),    0.0f,              0.0f,  0.0f,
        0.0f,              2.0f / (t - b),    0.0f,  0.0f,
        0.0f,              0.0f,              -1.0f, 0.0f,
        (r + l) / (l - r), (t + b) / (b - t), 0.0f,  1.0f};
    // clang-format on
    glUseProgram(g_gl.program);
    glUniformMatrix4fv(g_gl.projection, 1, GL_FALSE, projection);
    glBindVertexArray(g_gl.vao);

    const ImVec2 origin = data->DisplayPos;
    const ImVec2 scale = data->FramebufferScale;
    constexpr GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx), list->IdxBuffer.Data,
                     GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {  // the app adds none; the reset request needs nothing here
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            // Clip rectangle in framebuffer pixels; GL's scissor counts y from the bottom.
            const float x0 = (cmd.ClipRect.x - origin.x) * scale.x,
                        y0 = (cmd.ClipRect.y - origin.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - origin.x) * scale.x,
                        y1 = (cmd.ClipRect.w - origin.y) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(fb_height - y1),
                      static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), index_type,
                           reinterpret_cast<void*>(static_cast<intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
}

}  // namespace platform::web
