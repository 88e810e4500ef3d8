package cn.example.servicehall.workflow;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable, declared once in a process contract class and used by delegates, services and tests
 * alike. Variables hold identifiers and routing flags only; case data lives in the hall's tables.
 *
 * @param name the variable name as the model spells it
 * @param type the Java type of its value
 */
public record ProcessVariable<T>(String name, Class<T> type) {

	public static <T> ProcessVariable<T> of(String name, Class<T> type) {
		return new ProcessVariable<>(name, type);
	}

	public T from(VariableScope scope) {
		return this.type.cast(scope.getVariable(this.name));
	}

	public void set(VariableScope scope, T value) {
		scope.setVariable(this.name, value);
	}

	public Map<String, Object> with(T value) {
		return Map.of(this.name, value);
	}

}
