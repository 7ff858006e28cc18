import type { MethodName, Output, ParsedInput } from '../../common/api';
import type { AppContext } from '../context';

export type Handler<M extends MethodName> = (ctx: AppContext, input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
/** The handlers of some methods (a domain's): each maps a validated input to a service call. */
export type HandlersFor<K extends string> = { [M in K & MethodName]: Handler<M> };
export type Handlers = HandlersFor<MethodName>;
