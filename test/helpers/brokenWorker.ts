/** A worker module that fails as it loads, like a worker of a broken install. */
throw new Error('this worker cannot start');
