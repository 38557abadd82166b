package airzone.rules;

import airzone.RunningService;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the oracle test classes one running service per store kind for the whole test run, closed
 * when the run ends: starting the service computes every derived layer (~8 s), and the oracle
 * classes only read, so they need not each pay for their own. A class declares its store by
 * implementing {@link OnStore} and asks for the service as a parameter of its {@code @BeforeAll}.
 */
final class SharedService implements ParameterResolver {

    interface OnStore {
        RunningService.Store store();
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedService.class);

    private record Started(RunningService service) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            service.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningService.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (!(context.getRequiredTestInstance() instanceof OnStore test)) {
            throw new IllegalStateException(context.getRequiredTestClass() + " must implement SharedService.OnStore");
        }
        RunningService.Store store = test.store();
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(store, s -> new Started(RunningService.start(store)), Started.class).service();
    }
}
