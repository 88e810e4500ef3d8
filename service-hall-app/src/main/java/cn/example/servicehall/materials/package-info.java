/**
 * 申请材料: the files uploaded for the materials on a case's checklist. Only PDF, JPEG and PNG are taken, recognised
 * by their content and parsed before anything is kept; each content is kept once by its SHA-256; every upload is tied
 * to a material of the checklist the case's service gives intake; a download is served as the type it was kept as,
 * as an attachment the browser cannot run.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Materials",
		allowedDependencies = { "platform", "platform :: idempotency", "platform :: web", "identity", "intake" })
package cn.example.servicehall.materials;
