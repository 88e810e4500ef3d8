package cn.example.servicehall.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The hall's start page: who is signed in and where to go. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
