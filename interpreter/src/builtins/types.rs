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
                let result = self.isinstance(&args[0], &args[1])?;
                Ok(self.derive(Data::Bool(result), &[&args[0]], text))
            }
            Builtin::Issubclass => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 2, 2)?;
                let result = self.issubclass(&args[0], &args[1])?;
                Ok(self.derive(Data::Bool(result), &[&args[0], &args[1]], text))
            }
            Builtin::Callable => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 1, 1)?;
                let c = matches!(
                    args[0].data,
                    Data::Function(_)
                        | Data::Builtin(_)
                        | Data::Method(_)
                        | Data::Type(_)
                        | Data::Model(_)
                        | Data::ExcClass(_)
                        | Data::Tool(_)
                );
                Ok(self.derive(Data::Bool(c), &[&args[0]], text))
            }
            // `call_builtin` sends only this family here.
            other => err(
                ExcKind::TypeError,
                format!("{}() is not handled here", other.name()),
            ),
        }
    }
}
