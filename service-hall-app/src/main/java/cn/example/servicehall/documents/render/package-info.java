/**
 * Rendering: the templates' data records ({@link cn.example.servicehall.documents.render.TemplateId} binds each to its
 * template) and the renderer. The records are what other modules fill to have a document issued.
 */
@org.springframework.modulith.NamedInterface("render")
package cn.example.servicehall.documents.render;
