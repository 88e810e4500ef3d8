package cn.example.servicehall.booking.process;

import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.example.servicehall.booking.BookingReminders;

/** The reminder model's service task: {@code Task_SendBookingReminders} ↔ {@code ${sendBookingReminders}}. */
@Configuration(proxyBeanMethods = false)
class BookingDelegates {

	/** {@code Task_SendBookingReminders}: the text of each booking whose working day before has come, once. */
	@Bean
	JavaDelegate sendBookingReminders(BookingReminders reminders) {
		return execution -> reminders.sendDue();
	}

}
