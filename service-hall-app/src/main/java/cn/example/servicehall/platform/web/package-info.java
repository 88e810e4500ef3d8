/** The platform's web: RFC 9457 problem details, concurrent-request answers and the web plumbing every module uses. */
@org.springframework.modulith.NamedInterface("web")
package cn.example.servicehall.platform.web;
