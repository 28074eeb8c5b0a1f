//! Types: `isinstance`, `issubclass`, `callable`.

use super::*;

impl Machine<'_> {
    pub(super) fn type_builtin(
        &mut self,
        b: Builtin,
        args: Vec<Value>,
        kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        let name = b.name();
        match b {
            Builtin::Isinstance => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 2, 2)?;
                let [object, classes] = leading(&args)?;
                let result = self.isinstance(object, classes)?;
                Ok(self.derive(Data::Bool(result), &[object], text))
            }
            Builtin::Issubclass => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 2, 2)?;
                let [class, classes] = leading(&args)?;
                let result = self.issubclass(class, classes)?;
                Ok(self.derive(Data::Bool(result), &[class, classes], text))
            }
            Builtin::Callable => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 1, 1)?;
                let [arg] = leading(&args)?;
                let c = arg.data.is_callable();
                Ok(self.derive(Data::Bool(c), &[arg], text))
            }
            // `call_builtin` sends only this family here.
            other => err(
                ExcKind::TypeError,
                format!("{}() is not handled here", other.name()),
            ),
        }
    }
}
